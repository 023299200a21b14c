using SecureLaunch.Core.Host;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Core.Launching;

/// <summary>Reads a credential from where the spec points; errors name the source, never the value.</summary>
public static class CredentialReader
{
    public static string Read(CredentialSource source, ISystemEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(environment);
        string? value;
        if (source.File is { } file)
        {
            var path = Path.GetFullPath(file, environment.CurrentDirectory);
            if (!environment.FileExists(path))
            {
                throw new LaunchException($"{source.Location}: {source.Key}: no such file {file}");
            }

            try
            {
                value = environment.ReadAllText(path).TrimEnd('\r', '\n');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new LaunchException($"{source.Location}: {source.Key}: cannot read {file}: {ex.GetType().Name}");
            }
        }
        else if (source.EnvironmentVariable is { } name)
        {
            value = environment.GetVariable(name);
        }
        else
        {
            value = source.Value;
        }

        return string.IsNullOrEmpty(value)
            ? throw new LaunchException($"{source.Location}: {source.Key}: {source.Describe()} is empty")
            : value;
    }
}
