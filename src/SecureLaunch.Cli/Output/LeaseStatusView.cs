namespace SecureLaunch.Cli.Output;

/// <summary>A lease of a launch, with the time left as of the <c>status</c> call.</summary>
internal sealed record LeaseStatusView(
    string LeaseId,
    string Secret,
    string? Path,
    long TtlSeconds,
    long SecondsLeft,
    bool Renewable,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? LastRenewedAt,
    string? NextAction,
    DateTimeOffset? NextDueAt,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    int Rotations);
