using System.Text.Json.Serialization;

namespace SecureLaunch.Core.Journal;

/// <summary>
/// The state file of one launch (<c>&lt;state dir&gt;/&lt;name&gt;.json</c>, mode 0600): enough for <c>down</c> and
/// <c>status</c> to work from another process and after the launcher crashed. It names what the launch created
/// (containers, leases, token accessor, files) and never holds a secret value or a token.
/// </summary>
public sealed record LaunchJournal
{
    public const int CurrentVersion = 1;

    /// <summary>The file format; a reader refuses a version it does not know.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>The launch name (the spec's <c>name:</c>): one live launch per name and state directory.</summary>
    public required string Name { get; init; }

    /// <summary>The launch id: the <c>securelaunch.launch</c> label on everything it created.</summary>
    public required string LaunchId { get; init; }

    /// <summary>The spec's full path: <c>down</c> logs in again with its <c>vault.auth</c>.</summary>
    public string? SpecFile { get; init; }

    public JournalState State { get; init; } = JournalState.Active;

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The process that runs the launch: a live one is refused by <c>down</c> and by a new <c>run</c>.</summary>
    public required LauncherProcess Launcher { get; init; }

    public required JournalVault Vault { get; init; }

    /// <summary>False with <c>run --no-revoke</c>: leases and the token outlive the launch.</summary>
    public bool RevokeOnExit { get; init; } = true;

    public IReadOnlyList<JournalSecret> Secrets { get; init; } = [];

    public IReadOnlyList<JournalLease> Leases { get; init; } = [];

    public IReadOnlyList<JournalResource> Containers { get; init; } = [];

    /// <summary>Swarm services the launch created (filled by the Swarm launcher).</summary>
    public IReadOnlyList<JournalResource> Services { get; init; } = [];

    /// <summary>Swarm secrets the launch created (filled by the Swarm launcher).</summary>
    public IReadOnlyList<JournalResource> SwarmSecrets { get; init; } = [];

    /// <summary>The launch's secret file directory on tmpfs, while it exists.</summary>
    public string? FilesDirectory { get; init; }

    /// <summary>Earlier launches of the same name whose launcher died, taken over by this one and not yet cleaned up.</summary>
    public IReadOnlyList<LaunchJournal> Inherited { get; init; } = [];

    /// <summary>What the last teardown could not remove, one line each.</summary>
    public IReadOnlyList<string> Leftovers { get; init; } = [];

    /// <summary>Whether anything the launch created is still recorded (ignoring what it inherited).</summary>
    [JsonIgnore]
    public bool HoldsResources =>
        Containers.Count > 0 || Services.Count > 0 || SwarmSecrets.Count > 0 || FilesDirectory is not null
        || (!Vault.Ephemeral && Leases.Count > 0) || Vault.TokenToRevoke;

    /// <summary>Whether a live launcher is running this launch (a journal left by a dead one is not).</summary>
    public bool IsRunning() => State is JournalState.Active or JournalState.Stopping && Launcher.IsAlive();
}
