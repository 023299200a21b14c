namespace SecureLaunch.DevVault.Tests.Bootstrap;

/// <summary>Files of the repository the tests read: found by walking up from the test binaries to the solution.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string ExamplesBootstrap => Path.Combine(Root, "vault-dev", "bootstrap", "examples.txt");

    public static string BootstrapScript => Path.Combine(Root, "vault-dev", "bootstrap.sh");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SecureLaunch.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SecureLaunch.sln not found above " + AppContext.BaseDirectory);
    }
}
