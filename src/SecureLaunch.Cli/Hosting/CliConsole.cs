using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Cli.Hosting;

/// <summary>The streams a command writes to: real console streams in the program, buffers in tests.</summary>
public sealed record CliConsole(Stream StandardOutput, Stream StandardError)
{
    public TextWriter Out { get; } = new StreamWriter(StandardOutput, leaveOpen: true) { AutoFlush = true };

    public TextWriter Error { get; } = new StreamWriter(StandardError, leaveOpen: true) { AutoFlush = true };

    /// <summary>Whether stderr is a terminal, where <c>run</c> shows its progress live; tests set it to check that display.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Columns of the terminal, so a progress line never wraps.</summary>
    public int TerminalWidth { get; init; } = 80;

    /// <summary>Set by <c>--output json</c>: events for pipelines on stdout.</summary>
    internal JsonEventWriter? Json { get; init; }

    public static CliConsole FromProcess() => new(Console.OpenStandardOutput(), Console.OpenStandardError())
    {
        ErrorIsTerminal = !Console.IsErrorRedirected,
        TerminalWidth = ProcessTerminalWidth(),
    };

    /// <summary>Writes the one-line error that precedes exit code 125 (and, with <c>--output json</c>, an error event).</summary>
    public void WriteError(string message)
    {
        Error.WriteLine($"securelaunch: error: {message}");
        Json?.WriteError(message);
    }

    /// <summary>A spec problem: the same line, and with <c>--output json</c> an error event with source, line and column.</summary>
    internal void WriteError(SpecDiagnostic diagnostic)
    {
        Error.WriteLine($"securelaunch: error: {diagnostic}");
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
