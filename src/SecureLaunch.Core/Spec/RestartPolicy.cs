namespace SecureLaunch.Core.Spec;

/// <summary>
/// When SecureLaunch starts a container again after it exited (<c>restart:</c>). SecureLaunch restarts it itself,
/// never Docker, so no container comes back after the launch has revoked its credentials.
/// </summary>
public sealed record RestartPolicy(RestartKind Kind, int? MaxRetries = null)
{
    public static RestartPolicy No { get; } = new(RestartKind.No);

    /// <summary>Whether a container that exited with <paramref name="exitCode"/> after <paramref name="restarts"/> restarts starts again.</summary>
    public bool Restarts(long exitCode, int restarts) => Kind switch
    {
        RestartKind.Always or RestartKind.UnlessStopped => true,
        RestartKind.OnFailure => exitCode != 0 && (MaxRetries is not { } max || restarts < max),
        _ => false,
    };

    /// <summary>As written in the spec: <c>no</c>, <c>on-failure:3</c>, <c>always</c>, <c>unless-stopped</c>.</summary>
    public override string ToString() => Kind switch
    {
        RestartKind.OnFailure => MaxRetries is { } max ? $"on-failure:{max}" : "on-failure",
        RestartKind.Always => "always",
        RestartKind.UnlessStopped => "unless-stopped",
        _ => "no",
    };
}
