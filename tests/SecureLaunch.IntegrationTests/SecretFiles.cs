using System.Globalization;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// Reads a container's secret file from a launch's tmpfs directory, as the launcher laid it out: a single file
/// (<c>web-0</c>) or, when the file may rotate in place, the current version of its live directory
/// (<c>web.files/..data/0</c>, see <c>LiveFiles</c>).
/// </summary>
internal static class SecretFiles
{
    public static string Read(string filesDirectory, string container, int index)
    {
        var single = Path.Combine(filesDirectory, $"{container}-{index.ToString(CultureInfo.InvariantCulture)}");
        return File.Exists(single)
            ? File.ReadAllText(single)
            : File.ReadAllText(Path.Combine(filesDirectory, $"{container}.files", "..data", index.ToString(CultureInfo.InvariantCulture)));
    }
}
