namespace SecureLaunch.Core.Leases;

/// <summary>What the renewal loop does next for one secret.</summary>
public enum RenewalAction
{
    /// <summary>Ask Vault to extend the lease (<c>sys/leases/renew</c>).</summary>
    Renew,

    /// <summary>Ask the caller for a new credential: the current lease cannot (or can no longer) be kept alive.</summary>
    Refetch,

    /// <summary>Read a KV secret again to see whether it changed; nothing is minted.</summary>
    Reread,

    /// <summary>Log in again: the token cannot be renewed (any further) and must be replaced before it expires.</summary>
    Reauthenticate,
}
