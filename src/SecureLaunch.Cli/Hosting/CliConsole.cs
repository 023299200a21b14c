using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Host;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Cli.Hosting;

/// <summary>The streams a command writes to: real console streams in the program, buffers in tests.</summary>
public sealed record CliConsole(Stream StandardOutput, Stream StandardError)
{
    public TextWriter Out { get; } = new StreamWriter(StandardOutput, leaveOpen: true) { AutoFlush = true };

    public TextWriter Error { get; } = new StreamWriter(StandardError, leaveOpen: true) { AutoFlush = true };

    private bool _useColor;

    /// <summary>Whether SecureLaunch's own messages on stderr may be coloured (off unless set, as in tests).</summary>
    public bool UseColor { get => _useColor; init => _useColor = value; }

    /// <summary>Whether stderr is a terminal, where <c>run</c> shows its progress live; tests set it to check that display.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Columns of the terminal, so a progress line never wraps.</summary>
    public int TerminalWidth { get; init; } = 80;

    /// <summary>Set by <c>--output json</c>: events for pipelines on stdout.</summary>
    internal JsonEventWriter? Json { get; init; }

    public static CliConsole FromProcess() => FromProcess(ProcessEnvironment.Instance);

    /// <summary>The process's streams, coloured only when stderr is a terminal and neither NO_COLOR nor TERM=dumb says otherwise.</summary>
    public static CliConsole FromProcess(ISystemEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new(Console.OpenStandardOutput(), Console.OpenStandardError())
        {
            UseColor = ShouldUseColor(!Console.IsErrorRedirected, environment.GetVariable("NO_COLOR"), environment.GetVariable("TERM")),
            ErrorIsTerminal = !Console.IsErrorRedirected,
            TerminalWidth = ProcessTerminalWidth(),
        };
    }

    /// <summary>
    /// Colour only on a terminal, never when <c>NO_COLOR</c> is set to anything but an empty string (no-color.org)
    /// or the terminal says it is dumb. <c>--no-color</c> is applied afterwards, by <see cref="DisableColor"/>.
    /// </summary>
    public static bool ShouldUseColor(bool stderrIsTerminal, string? noColor, string? term) =>
        stderrIsTerminal && string.IsNullOrEmpty(noColor) && term != "dumb";

    /// <summary>For <c>--no-color</c>.</summary>
    public void DisableColor() => _useColor = false;

    /// <summary>Writes the one-line error that precedes exit code 125 (and, with <c>--output json</c>, an error event).</summary>
    public void WriteError(string message)
    {
        Error.WriteLine($"{Ansi.Red("securelaunch: error:", UseColor)} {message}");
        Json?.WriteError(message);
    }

    /// <summary>A spec problem: the same line, and with <c>--output json</c> an error event with source, line and column.</summary>
    internal void WriteError(SpecDiagnostic diagnostic)
    {
        Error.WriteLine($"{Ansi.Red("securelaunch: error:", UseColor)} {diagnostic}");
        Json?.WriteError(diagnostic.ToString(), OutputFormats.Location(diagnostic.Location));
    }

    private static int ProcessTerminalWidth()
    {
        try
        {
            return Console.WindowWidth is > 0 and var width ? width : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
