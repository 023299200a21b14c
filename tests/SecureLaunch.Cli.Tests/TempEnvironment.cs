using SecureLaunch.Core.Host;

namespace SecureLaunch.Cli.Tests;

/// <summary>A temporary directory as the current directory, real files in it, and variables held in memory.</summary>
internal sealed class TempEnvironment : ISystemEnvironment, IDisposable
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    public TempEnvironment() => Directory.CreateDirectory(CurrentDirectory);

    public string CurrentDirectory { get; } = Path.Combine(Path.GetTempPath(), $"sl-cli-{Guid.NewGuid():N}");

    public string HomeDirectory => CurrentDirectory;

    public TempEnvironment With(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    public TempEnvironment WithFile(string name, string content)
    {
        File.WriteAllText(Path.Combine(CurrentDirectory, name), content);
        return this;
    }

    public string? GetVariable(string name) => _variables.GetValueOrDefault(name);

    public IReadOnlyDictionary<string, string> GetVariables() => new Dictionary<string, string>(_variables);

    public bool FileExists(string path) => File.Exists(path);

    public string ReadAllText(string path) => File.ReadAllText(path);

    public void DeleteFile(string path) => File.Delete(path);

    public void Dispose() => Directory.Delete(CurrentDirectory, recursive: true);
}
