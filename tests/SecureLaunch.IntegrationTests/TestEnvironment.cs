using SecureLaunch.Core.Host;

namespace SecureLaunch.IntegrationTests;

/// <summary>The real process environment for PATH, HOME and DOCKER_HOST, with Vault settings of the test's own.</summary>
internal sealed class TestEnvironment : ISystemEnvironment
{
    private readonly Dictionary<string, string> _variables;

    public TestEnvironment(string currentDirectory, IReadOnlyDictionary<string, string>? variables = null)
    {
        CurrentDirectory = currentDirectory;
        _variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "PATH", "DOCKER_HOST" })
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                _variables[name] = value;
            }
        }

        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            _variables[name] = value;
        }
    }

    /// <summary>An empty home, so a developer's own ~/.vault-token never leaks into a test.</summary>
    public string HomeDirectory { get; } = Path.Combine(Path.GetTempPath(), "securelaunch-test-home");

    public string CurrentDirectory { get; }

    public string? GetVariable(string name) => _variables.GetValueOrDefault(name);

    public IReadOnlyDictionary<string, string> GetVariables() => _variables;

    public bool FileExists(string path) => File.Exists(path);

    public string ReadAllText(string path) => File.ReadAllText(path);

    public void DeleteFile(string path) => File.Delete(path);
}
