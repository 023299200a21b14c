using Microsoft.Extensions.Logging;

namespace SecureLaunch.Vault.Tests.Fakes;

/// <summary>An ILogger that keeps every line it is given, formatted as a sink would write it, with its exception.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly List<(LogLevel Level, string Text)> _entries = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_entries)
            {
                return _entries.Select(e => e.Text).ToArray();
            }
        }
    }

    public IReadOnlyList<string> At(LogLevel level)
    {
        lock (_entries)
        {
            return _entries.Where(e => e.Level == level).Select(e => e.Text).ToArray();
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        // The structured values too: a sink writing JSON would print them even where the template does not.
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
        lock (_entries)
        {
            _entries.Add((logLevel, $"{formatter(state, exception)} | {values} | {exception}"));
        }
    }
}
