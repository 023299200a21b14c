using Microsoft.Extensions.Logging;

namespace SecureLaunch.Cli.Output;

/// <summary>
/// Log events as JSON events: the event is the log method's name in snake_case (<c>SecretLeased</c> is
/// <c>secret_leased</c>), the fields its placeholders, plus <c>level</c> and the rendered <c>message</c>. Events
/// of the Vault client and the Docker engine are prefixed (<c>vault.</c>, <c>docker.</c>). So Core has one event
/// system: its <c>[LoggerMessage]</c> methods, which never take a secret value.
/// </summary>
internal sealed class JsonLoggerProvider : ILoggerProvider
{
    private readonly JsonEventWriter _writer;
    private readonly LogLevel _launchMinimum;
    private readonly LogLevel _libraryMinimum;

    /// <param name="writer">Where the events go.</param>
    /// <param name="launchMinimum">For the launch's own events (category <see cref="CliLogging.LaunchCategory"/>).</param>
    /// <param name="libraryMinimum">For the Vault client's and the Docker engine's events.</param>
    public JsonLoggerProvider(JsonEventWriter writer, LogLevel launchMinimum, LogLevel libraryMinimum)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _launchMinimum = launchMinimum;
        _libraryMinimum = libraryMinimum;
    }

    public ILogger CreateLogger(string categoryName) => categoryName == CliLogging.LaunchCategory
        ? new JsonLogger(this, string.Empty, _launchMinimum)
        : new JsonLogger(this, CliLogging.LibraryPrefix(categoryName), _libraryMinimum);

    public void Dispose()
    {
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        _ => "error",
    };

    private sealed class JsonLogger(JsonLoggerProvider provider, string prefix, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            // As in text: the exception is not written, its message may come from a server; ours are written to be safe.
            var message = formatter(state, null);
            var fields = LogFields.Of(state);
            provider._writer.Write(prefix + EventNames.SnakeCase(eventId.Name ?? "log"), json =>
            {
                json.WriteString("level", LevelName(logLevel));
                json.WriteString("message", message);
                LogFields.Write(json, fields);
            });
        }
    }
}
