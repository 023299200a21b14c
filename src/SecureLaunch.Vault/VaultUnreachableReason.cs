namespace SecureLaunch.Vault;

/// <summary>Why no answer came from Vault.</summary>
public enum VaultUnreachableReason
{
    /// <summary>No connection could be made (refused, no route, name not resolved, TLS handshake failed).</summary>
    ConnectionFailed,

    /// <summary>The connection broke while the request or response was in flight.</summary>
    ConnectionLost,

    /// <summary>An attempt took longer than <see cref="VaultClientOptions.RequestTimeout"/>.</summary>
    TimedOut,

    /// <summary>
    /// Nothing was sent: recent attempts failed so often that the circuit breaker is open
    /// (<see cref="VaultClientOptions.CircuitBreaker"/>), and calls fail at once until its break ends.
    /// </summary>
    CircuitOpen,
}
