using SecureLaunch.Core.Host;

namespace SecureLaunch.Core.Journal;

public sealed partial class JournalStore
{
    /// <summary>Overrides where journals are kept.</summary>
    public const string DirectoryVariable = "SECURELAUNCH_STATE_DIR";

    /// <summary>
    /// Where journals are kept: <c>SECURELAUNCH_STATE_DIR</c>; else <c>/run/securelaunch/launches</c> for root;
    /// else <c>$XDG_RUNTIME_DIR/securelaunch/launches</c>; else <c>$XDG_STATE_HOME</c> (default <c>~/.local/state</c>)
    /// <c>/securelaunch/launches</c>. <c>/run</c> and <c>$XDG_RUNTIME_DIR</c> are emptied at reboot, as they should
    /// be: the launcher's pid means nothing after one. A journal holds no secret, so the last fallback may be on disk.
    /// </summary>
    /// <param name="environment">Where the variables are read.</param>
    /// <param name="privileged">Whether this process runs as root (<see cref="Environment.IsPrivilegedProcess"/>).</param>
    public static string DefaultDirectory(ISystemEnvironment environment, bool privileged)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.GetVariable(DirectoryVariable) is { Length: > 0 } explicitDirectory)
        {
            return Path.GetFullPath(explicitDirectory, environment.CurrentDirectory);
        }

        if (privileged && !OperatingSystem.IsWindows())
        {
            return "/run/securelaunch/launches";
        }

        if (environment.GetVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime && Path.IsPathFullyQualified(runtime))
        {
            return Path.Combine(runtime, "securelaunch", "launches");
        }

        var state = environment.GetVariable("XDG_STATE_HOME") is { Length: > 0 } home && Path.IsPathFullyQualified(home)
            ? home
            : Path.Combine(environment.HomeDirectory, ".local", "state");
        return Path.Combine(state, "securelaunch", "launches");
    }

    /// <summary>The store for this process: <see cref="DefaultDirectory"/> with its real privileges.</summary>
    public static JournalStore For(ISystemEnvironment environment) =>
        new(DefaultDirectory(environment, Environment.IsPrivilegedProcess));
}
