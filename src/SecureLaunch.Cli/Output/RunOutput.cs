using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Launching;

namespace SecureLaunch.Cli.Output;

/// <summary>
/// How one <c>run</c> reports, chosen once: JSON events on stdout (<c>--output json</c>), a live progress block on
/// a terminal, or plain lines on stderr; and where container output goes with it.
/// </summary>
internal sealed class RunOutput : IDisposable
{
    private readonly ProgressDisplay? _display;

    private RunOutput(ILoggerProvider provider, IContainerOutput? containerOutput, ProgressDisplay? display)
    {
        // Debug reaches the providers, which filter by -q/-v themselves: the JSON events and the progress block
        // use some of the launch's debug events whatever the level of the plain lines.
        Loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(provider));
        ContainerOutput = containerOutput;
        _display = display;
    }

    public ILoggerFactory Loggers { get; }

    /// <summary>For <see cref="LaunchContext.ContainerOutput"/>; null for the console streams as they are.</summary>
    public IContainerOutput? ContainerOutput { get; }

    /// <param name="context">With <c>Console.Json</c> set for <c>--output json</c>.</param>
    /// <param name="level">From <c>-q</c> and <c>-v</c>.</param>
    public static RunOutput Create(CliContext context, LogLevel level)
    {
        ArgumentNullException.ThrowIfNull(context);
        var console = context.Console;
        if (console.Json is { } json)
        {
            // Pipelines get every step of the launch (renewals included, Debug in text); -q keeps warnings and errors.
            var launchLevel = level >= LogLevel.Warning ? level : LogLevel.Debug;
            return new RunOutput(new JsonLoggerProvider(json, launchLevel, level), new JsonContainerOutput(json), null);
        }

        if (ProgressDisplay.IsWanted(context, level))
        {
            var display = new ProgressDisplay(console.Error, level, console.TerminalWidth);
            return new RunOutput(display, new TerminalContainerOutput(display, console.StandardOutput, console.StandardError), display);
        }

        return new RunOutput(new CliLoggerProvider(console.Error, level, console.UseColor), null, null);
    }

    /// <summary>Before the error line of a failed launch: the progress block marks the step that failed.</summary>
    public void Fail() => _display?.Fail();

    public void Dispose()
    {
        _display?.Dispose();
        Loggers.Dispose();
    }
}
