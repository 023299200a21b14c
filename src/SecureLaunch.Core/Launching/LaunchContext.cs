using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Host;
using SecureLaunch.Docker;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Launching;

/// <summary>What a launch runs against, wired by the composition root.</summary>
public sealed record LaunchContext
{
    public required IVaultClient Vault { get; init; }
    public required IContainerEngine Docker { get; init; }

    /// <summary>The engine's Swarm side, for specs with <c>services:</c> (usually the same object as <see cref="Docker"/>).</summary>
    public ISwarmEngine? Swarm { get; init; }

    /// <summary>Where the token came from, for the log line (never the token).</summary>
    public required string TokenSource { get; init; }

    /// <summary>Container stdout goes here, masked.</summary>
    public required Stream StandardOutput { get; init; }

    /// <summary>Container stderr goes here, masked.</summary>
    public required Stream StandardError { get; init; }

    /// <summary>Per-container output instead of <see cref="StandardOutput"/> and <see cref="StandardError"/>, when set (JSON events, the terminal's progress display).</summary>
    public IContainerOutput? ContainerOutput { get; init; }

    public required ILogger Logger { get; init; }

    /// <summary>The environment and file system credentials and unseal keys are read from.</summary>
    public required ISystemEnvironment Environment { get; init; }
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Sees the launch's lease, token and rotation events while it runs; null for none.</summary>
    public ILaunchObserver? Observer { get; init; }

    /// <summary>Time a container gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The static init that hides env values, bind-mounted into containers.</summary>
    public string InitBinaryPath { get; init; } = DefaultInitBinaryPath;

    /// <summary>Where the build puts the static init: beside SecureLaunch's own binaries.</summary>
    public static string DefaultInitBinaryPath => Path.Combine(AppContext.BaseDirectory, Injection.HiddenEnvironment.InitRelativePath);

    /// <summary>Where the launch keeps its journal (for <c>down</c> and <c>status</c>); null for none.</summary>
    public Journal.LaunchJournalOptions? Journal { get; init; }

    /// <summary>False with <c>--no-revoke</c>: leases and the token outlive the launch.</summary>
    public bool RevokeOnExit { get; init; } = true;

    /// <summary>Whether containers may ask for privileges beyond Docker's defaults (<c>run --allow-privileged</c>).</summary>
    public bool AllowPrivileged { get; init; }

    /// <summary>Where secret files may go, first tmpfs one wins.</summary>
    public required IReadOnlyList<string> SecretFileBases { get; init; }

    /// <summary><c>/run/securelaunch</c>, then <c>$XDG_RUNTIME_DIR/securelaunch</c>, then <c>/dev/shm/securelaunch</c>.</summary>
    public static IReadOnlyList<string> DefaultSecretFileBases(ISystemEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var runtimeDir = environment.GetVariable("XDG_RUNTIME_DIR");
        return [.. new[] { "/run/securelaunch", runtimeDir is null ? null : Path.Combine(runtimeDir, "securelaunch"), "/dev/shm/securelaunch" }.OfType<string>()];
    }
}
