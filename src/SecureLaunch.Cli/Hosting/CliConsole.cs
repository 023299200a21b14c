namespace SecureLaunch.Cli.Hosting;

/// <summary>The streams a command writes to: real console streams in the program, buffers in tests.</summary>
public sealed record CliConsole(Stream StandardOutput, Stream StandardError)
{
    public TextWriter Out { get; } = new StreamWriter(StandardOutput, leaveOpen: true) { AutoFlush = true };

    public TextWriter Error { get; } = new StreamWriter(StandardError, leaveOpen: true) { AutoFlush = true };

    public static CliConsole FromProcess() => new(Console.OpenStandardOutput(), Console.OpenStandardError());

    /// <summary>Writes the one-line error that precedes exit code 125.</summary>
    public void WriteError(string message) => Error.WriteLine($"securelaunch: error: {message}");
}
