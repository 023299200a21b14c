namespace SecureLaunch.DevVault;

/// <summary>The server state <c>sys/health</c> and <c>sys/seal-status</c> report; lets tests see how a client treats each.</summary>
public enum DevVaultStatus
{
    /// <summary>Initialized, unsealed, active: every endpoint works (the default).</summary>
    Active,

    /// <summary>Unsealed standby: health answers 429 unless <c>standbyok</c>; other calls are served as if forwarded to the active node.</summary>
    Standby,

    /// <summary>Sealed: health answers 503, every other call but seal-status 503 <c>Vault is sealed</c>.</summary>
    Sealed,

    /// <summary>Not initialized: health answers 501, every other call but seal-status 503.</summary>
    Uninitialized,
}
