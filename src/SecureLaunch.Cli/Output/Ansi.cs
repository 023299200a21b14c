namespace SecureLaunch.Cli.Output;

/// <summary>The few ANSI colours SecureLaunch's own messages use, applied only when colour is on.</summary>
internal static class Ansi
{
    private const string Reset = "\u001b[0m";

    public static string Red(string text, bool enabled) => Paint(text, "\u001b[31m", enabled);

    public static string Yellow(string text, bool enabled) => Paint(text, "\u001b[33m", enabled);

    private static string Paint(string text, string color, bool enabled) => enabled ? $"{color}{text}{Reset}" : text;
}
