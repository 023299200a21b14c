namespace SecureLaunch.Vault.Secrets;

/// <summary>A lease as Vault reported it, with the time it was read (from the client's TimeProvider).</summary>
public sealed record VaultLease(string LeaseId, TimeSpan Duration, bool Renewable, DateTimeOffset ObtainedAt)
{
    /// <summary>When the lease runs out unless renewed.</summary>
    public DateTimeOffset ExpiresAt => ObtainedAt + Duration;
}
