using SecureLaunch.Core.Journal;

namespace SecureLaunch.Cli.Output;

/// <summary>
/// One launch as <c>status</c> shows it: its journal, with the launcher's liveness and the engine's container states.
/// <c>Status</c> is <c>running</c>, <c>stopping</c>, <c>crashed</c>, <c>ended</c> (after <c>--no-revoke</c>) or
/// <c>incomplete</c>; <c>Hint</c> says what to do about it, when something is to be done.
/// </summary>
internal sealed record LaunchStatusView(
    string Name,
    string LaunchId,
    string Status,
    string? Hint,
    int LauncherPid,
    bool LauncherAlive,
    string? SpecFile,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    JournalVault Vault,
    bool RevokeOnExit,
    IReadOnlyList<ContainerStatusView> Containers,
    IReadOnlyList<LeaseStatusView> Leases,
    IReadOnlyList<JournalSecret> Secrets,
    string? FilesDirectory,
    IReadOnlyList<string> Leftovers,
    IReadOnlyList<string> Inherited);
