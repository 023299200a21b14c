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
    private readonly Lock _gate = new();

    public CliLoggerProvider(TextWriter writer, LogLevel minimum)
    {
        _writer = writer;
        _minimum = minimum;
    }

    public ILogger CreateLogger(string categoryName) => new CliLogger(this);

    public void Dispose()
    {
    }

    /// <summary>One log line as people read it: <c>securelaunch: warning: ...</c>.</summary>
    public static string Format(LogLevel level, string message)
    {
        var prefix = level switch
        {
            LogLevel.Warning => "warning: ",
            LogLevel.Error or LogLevel.Critical => "error: ",
            _ => string.Empty,
        };
        return $"securelaunch: {prefix}{message}";
    }

    private void Write(LogLevel level, string message)
    {
        lock (_gate)
        {
            _writer.WriteLine(Format(level, message));
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
