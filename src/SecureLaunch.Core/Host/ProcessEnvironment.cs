using System.Collections;

namespace SecureLaunch.Core.Host;

/// <summary>The real process environment and file system.</summary>
public sealed class ProcessEnvironment : ISystemEnvironment
{
    public static ProcessEnvironment Instance { get; } = new();

    public string? GetVariable(string name) => System.Environment.GetEnvironmentVariable(name);

    public IReadOnlyDictionary<string, string> GetVariables()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string ?? string.Empty;
        }

        return result;
    }

    public string HomeDirectory => System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);

    public string CurrentDirectory => System.Environment.CurrentDirectory;

    public bool FileExists(string path) => File.Exists(path);

    public string ReadAllText(string path) => File.ReadAllText(path);

    public void DeleteFile(string path) => File.Delete(path);
}
