namespace SecureLaunch.IntegrationTests;

/// <summary>A temporary directory holding one spec file, deleted afterwards.</summary>
internal sealed class SpecDirectory : IDisposable
{
    public SpecDirectory(string yaml)
    {
        Path = Directory.CreateTempSubdirectory("securelaunch-it-").FullName;
        File = System.IO.Path.Combine(Path, "securelaunch.yaml");
        System.IO.File.WriteAllText(File, yaml);
    }

    public string Path { get; }

    public string File { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
