using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Host;

namespace SecureLaunch.Cli.Hosting;

/// <summary>The streams a command writes to: real console streams in the program, buffers in tests.</summary>
public sealed record CliConsole(Stream StandardOutput, Stream StandardError)
{
    public TextWriter Out { get; } = new StreamWriter(StandardOutput, leaveOpen: true) { AutoFlush = true };

    public TextWriter Error { get; } = new StreamWriter(StandardError, leaveOpen: true) { AutoFlush = true };

    private bool _useColor;

    /// <summary>Whether SecureLaunch's own messages on stderr may be coloured (off unless set, as in tests).</summary>
    public bool UseColor { get => _useColor; init => _useColor = value; }

    public static CliConsole FromProcess() => FromProcess(ProcessEnvironment.Instance);

    /// <summary>The process's streams, coloured only when stderr is a terminal and neither NO_COLOR nor TERM=dumb says otherwise.</summary>
    public static CliConsole FromProcess(ISystemEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new(Console.OpenStandardOutput(), Console.OpenStandardError())
        {
            UseColor = ShouldUseColor(!Console.IsErrorRedirected, environment.GetVariable("NO_COLOR"), environment.GetVariable("TERM")),
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

    /// <summary>Writes the one-line error that precedes exit code 125.</summary>
    public void WriteError(string message) => Error.WriteLine($"{Ansi.Red("securelaunch: error:", UseColor)} {message}");
}
