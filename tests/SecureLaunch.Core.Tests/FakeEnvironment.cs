using SecureLaunch.Core.Host;

namespace SecureLaunch.Core.Tests;

/// <summary>An environment and file system held in memory, so tests never read the real ones.</summary>
public sealed class FakeEnvironment : ISystemEnvironment
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public string HomeDirectory { get; set; } = "/home/tester";

    public string CurrentDirectory { get; set; } = "/work";

    public FakeEnvironment With(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    public FakeEnvironment WithFile(string path, string content)
    {
        _files[path] = content;
        return this;
    }

    public string? GetVariable(string name) => _variables.GetValueOrDefault(name);

    public IReadOnlyDictionary<string, string> GetVariables() => new Dictionary<string, string>(_variables);

    public bool FileExists(string path) => _files.ContainsKey(path) || File.Exists(path);

    public string ReadAllText(string path) => _files.TryGetValue(path, out var content) ? content : File.ReadAllText(path);

    public void DeleteFile(string path) => _files.Remove(path);
}
