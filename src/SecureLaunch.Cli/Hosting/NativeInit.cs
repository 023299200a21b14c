using SecureLaunch.Core.Injection;

namespace SecureLaunch.Cli.Hosting;

/// <summary>
/// native/sl-init runs inside containers as the container's user, so everyone must be able to execute it.
/// A dotnet tool install extracts it as 0744 (NuGet gives execute to the owner only), which breaks hidden env
/// for a container with <c>user: 1000</c>; the CLI widens the mode to 0755 before a launch when it may.
/// </summary>
internal static class NativeInit
{
    private const UnixFileMode Everyone =
        UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>
    /// Names the init's path instead of <see cref="DefaultPath"/>: for SecureLaunch in a container, where the path must
    /// be the same inside it and on the host whose daemon bind-mounts it (the Dockerfile's entrypoint sets it).
    /// </summary>
    public const string PathVariable = "SECURELAUNCH_INIT";

    /// <summary>Where the build and every package put the init: beside the executable.</summary>
    public static string DefaultPath => Core.Launching.LaunchContext.DefaultInitBinaryPath;

    /// <summary><see cref="PathVariable"/> when set, else <see cref="DefaultPath"/>.</summary>
    public static string Resolve(Core.Host.ISystemEnvironment environment) =>
        environment.GetVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>
    /// Makes <paramref name="path"/> readable and executable by everyone; false when it is not and cannot be made so
    /// (a missing init is left to the launch, which explains it for the containers that need it).
    /// </summary>
    public static bool EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return true;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & Everyone) == Everyone)
        {
            return true;
        }

        try
        {
            File.SetUnixFileMode(path, mode | Everyone);
            return true;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }
}
