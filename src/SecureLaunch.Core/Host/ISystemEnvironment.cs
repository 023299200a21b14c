namespace SecureLaunch.Core.Host;

/// <summary>
/// The process environment and the file system as Core reaches them, so that tests never
/// depend on the real environment of the test process.
/// </summary>
public interface ISystemEnvironment
{
    /// <summary>An environment variable, or null when unset.</summary>
    string? GetVariable(string name);

    /// <summary>Every environment variable.</summary>
    IReadOnlyDictionary<string, string> GetVariables();

    /// <summary>The user's home directory (for <c>~/.vault-token</c>).</summary>
    string HomeDirectory { get; }

    /// <summary>The directory relative paths in the spec are resolved against.</summary>
    string CurrentDirectory { get; }

    bool FileExists(string path);

    string ReadAllText(string path);

    /// <summary>Deletes a file; a file already gone is not an error.</summary>
    void DeleteFile(string path);
}
