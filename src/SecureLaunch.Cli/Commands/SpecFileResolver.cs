using SecureLaunch.Core.Host;

namespace SecureLaunch.Cli.Commands;

/// <summary>Finds the spec file as Compose finds its file: the flag, else the default names in the current directory.</summary>
internal static class SpecFileResolver
{
    public static readonly string[] DefaultNames = ["securelaunch.yaml", "securelaunch.yml"];

    /// <summary>The path to use, or null with the error to print.</summary>
    public static string? Resolve(string? flag, ISystemEnvironment environment, out string? error)
    {
        error = null;
        if (!string.IsNullOrEmpty(flag))
        {
            return Path.GetFullPath(flag, environment.CurrentDirectory);
        }

        foreach (var name in DefaultNames)
        {
            var candidate = Path.Combine(environment.CurrentDirectory, name);
            if (environment.FileExists(candidate))
            {
                return candidate;
            }
        }

        error = $"no spec file: found neither {string.Join(" nor ", DefaultNames)} in {environment.CurrentDirectory}; name one with -f";
        return null;
    }

    /// <summary>The path as the user should read it: relative to the current directory when inside it.</summary>
    public static string Display(string path, ISystemEnvironment environment)
    {
        var relative = Path.GetRelativePath(environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
