using System.Text;
using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;

namespace SecureLaunch.Cli.Output;

/// <summary>
/// <c>run</c> on a terminal: a block of steps (docker, vault, auth, secrets n/m, containers n/m) redrawn in
/// place on stderr as the launch gets under way, with other log lines printed above it. The block is left as it
/// stands once every container is created, before any starts (or, should one write output earlier, at its first
/// byte: output shares the terminal), and everything after that is plain lines. Cursor movement only, no colours; used only when stderr
/// is a terminal (<see cref="IsWanted"/>), so redirected output keeps the plain lines of <see cref="CliLoggerProvider"/>.
/// </summary>
internal sealed partial class ProgressDisplay : ILoggerProvider
{
    private const string Escape = "\u001b[";

    private readonly TextWriter _writer;
    private readonly LogLevel _minimum;
    private readonly int _width;
    private readonly Lock _gate = new();
    private int _drawn;
    private bool _frozen;

    /// <param name="writer">The terminal (stderr).</param>
    /// <param name="minimum">Lines other than the steps are printed from this level up, as in plain output.</param>
    /// <param name="width">Columns: a step line is cut to fit, so that it never wraps and the redraw stays in place.</param>
    public ProgressDisplay(TextWriter writer, LogLevel minimum, int width)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
        _minimum = minimum;
        _width = Math.Max(width, 20);
        _steps = [_docker, _vault, _auth, _secrets, _containers];
    }

    /// <summary>Stderr is a terminal (and not a dumb one), the output is text, and not <c>-q</c>.</summary>
    public static bool IsWanted(CliContext context, LogLevel level)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Console.ErrorIsTerminal && context.Console.Json is null && level < LogLevel.Warning
            && context.Environment.GetVariable("TERM") != "dumb";
    }

    public ILogger CreateLogger(string categoryName) => new DisplayLogger(this, categoryName == CliLogging.LaunchCategory);

    /// <summary>Leaves the block as it stands; what comes next is printed below it.</summary>
    public void Freeze()
    {
        lock (_gate)
        {
            FreezeLocked();
        }
    }

    /// <summary>The launch failed: the step under way is marked failed and the block left, before the error line.</summary>
    public void Fail() => Stop(null);

    /// <summary>Leaves the block; a step still under way (an interrupted launch) is marked stopped.</summary>
    public void Dispose() => Stop("stopped");

    private void Stop(string? why)
    {
        lock (_gate)
        {
            if (_frozen)
            {
                return;
            }

            if (_drawn > 0 && Array.Find(_steps, s => s.State == StepState.Active) is { } active)
            {
                active.State = StepState.Failed;
                active.Detail = why is null ? active.Detail : $"{active.Detail} ({why})";
                Draw();
            }

            FreezeLocked();
        }
    }

    private void OnEvent(bool fromLaunch, LogLevel level, EventId eventId, IReadOnlyList<KeyValuePair<string, object?>> fields, string message)
    {
        lock (_gate)
        {
            if (!_frozen && fromLaunch && Advance(eventId.Name, fields))
            {
                Draw();
                if (_containers.State == StepState.Done)
                {
                    FreezeLocked();
                }

                return;
            }

            if (level >= _minimum)
            {
                PrintAbove(CliLoggerProvider.Format(level, message));
            }
        }
    }

    private void FreezeLocked()
    {
        _frozen = true;
        _drawn = 0;
    }

    private void Draw()
    {
        var text = new StringBuilder();
        MoveToBlockStart(text);
        AppendSteps(text);
        Flush(text);
    }

    private void PrintAbove(string line)
    {
        var text = new StringBuilder();
        var redraw = _drawn > 0;
        MoveToBlockStart(text);
        text.Append(line).Append('\n');
        if (redraw)
        {
            AppendSteps(text);
        }

        Flush(text);
    }

    /// <summary>Back to the first line of the block, and clears it and everything below.</summary>
    private void MoveToBlockStart(StringBuilder text)
    {
        if (_drawn > 0)
        {
            text.Append('\r').Append(Escape).Append(_drawn).Append('A').Append(Escape).Append('J');
            _drawn = 0;
        }
    }

    private void AppendSteps(StringBuilder text)
    {
        foreach (var step in _steps)
        {
            text.Append(Fit(step.Render())).Append('\n');
        }

        _drawn = _steps.Length;
    }

    private string Fit(string line) => line.Length < _width ? line : string.Concat(line.AsSpan(0, _width - 2), "…");

    private void Flush(StringBuilder text)
    {
        _writer.Write(text.ToString());
        _writer.Flush();
    }

    private sealed class DisplayLogger(ProgressDisplay display, bool fromLaunch) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        // The launch's step events are Debug: the block needs them whatever the level of the plain lines.
        public bool IsEnabled(LogLevel logLevel) =>
            logLevel != LogLevel.None && (logLevel >= display._minimum || (fromLaunch && logLevel >= LogLevel.Debug));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                display.OnEvent(fromLaunch, logLevel, eventId, [.. LogFields.Of(state)], formatter(state, null));
            }
        }
    }
}
