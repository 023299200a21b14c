using Microsoft.Extensions.Logging;

namespace SecureLaunch.Cli.Output;

/// <summary>
/// Writes log events as plain lines (<c>securelaunch: message</c>) to the command's error stream,
/// synchronously, so they interleave with container output in the order they happened.
/// </summary>
internal sealed class CliLoggerProvider : ILoggerProvider
{
    private readonly TextWriter _writer;
    private readonly LogLevel _minimum;
    private readonly bool _color;
    private readonly Lock _gate = new();

    /// <param name="writer">Where lines go (the command's stderr).</param>
    /// <param name="minimum">The lowest level written.</param>
    /// <param name="color">Colour the warning and error prefixes (see <see cref="Hosting.CliConsole.UseColor"/>).</param>
    public CliLoggerProvider(TextWriter writer, LogLevel minimum, bool color = false)
    {
        _writer = writer;
        _minimum = minimum;
        _color = color;
    }

    public ILogger CreateLogger(string categoryName) => new CliLogger(this);

    public void Dispose()
    {
    }

    /// <summary>One log line as people read it: <c>securelaunch: warning: ...</c>.</summary>
    public static string Format(LogLevel level, string message, bool color = false)
    {
        var prefix = level switch
        {
            LogLevel.Warning => Ansi.Yellow("securelaunch: warning:", color) + " ",
            LogLevel.Error or LogLevel.Critical => Ansi.Red("securelaunch: error:", color) + " ",
            _ => "securelaunch: ",
        };
        return prefix + message;
    }

    private void Write(LogLevel level, string message)
    {
        lock (_gate)
        {
            _writer.WriteLine(Format(level, message, _color));
        }
    }

    private sealed class CliLogger(CliLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                // The exception is not printed: its message may come from a server; ours are written to be safe.
                provider.Write(logLevel, formatter(state, null));
            }
        }
    }
}
