namespace SecureLaunch.Vault.Http;

/// <summary>Whether sending a request twice can do harm; the retry rule reads it.</summary>
internal enum RequestSafety
{
    /// <summary>Reads, renewals, revocations, lookups: doing it twice gives the same state.</summary>
    Idempotent,

    /// <summary>
    /// A logical path that may mint something (<c>database/creds/app</c> creates a user even on GET,
    /// <c>pki/issue/web</c> a certificate): retried only when it failed before it was sent.
    /// </summary>
    MayMint,
}
