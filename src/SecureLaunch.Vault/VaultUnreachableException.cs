namespace SecureLaunch.Vault;

/// <summary>No answer came from Vault at <see cref="Address"/> after every attempt the retry rule allowed.</summary>
public sealed class VaultUnreachableException : VaultException
{
    public VaultUnreachableException(
        Uri address, string method, string path, VaultUnreachableReason reason, bool requestMayHaveBeenSent, Exception? innerException = null)
        : base(BuildMessage(address ?? throw new ArgumentNullException(nameof(address)), method, path, reason, innerException), method, path, innerException)
    {
        Address = address;
        Reason = reason;
        RequestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    /// <summary>The Vault address that could not be reached.</summary>
    public Uri Address { get; }

    public VaultUnreachableReason Reason { get; }

    /// <summary>
    /// False when the last attempt failed before anything was sent (connection refused); true when Vault may have
    /// handled the request, so a dynamic secret may have been minted without its lease reaching us.
    /// </summary>
    public bool RequestMayHaveBeenSent { get; }

    private static string BuildMessage(Uri address, string method, string path, VaultUnreachableReason reason, Exception? inner)
    {
        var why = reason switch
        {
            VaultUnreachableReason.ConnectionFailed when inner is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } =>
                "the TLS handshake failed (Vault's certificate is not trusted by the CA given, or not issued for this address)",
            VaultUnreachableReason.ConnectionFailed => "no connection could be made",
            VaultUnreachableReason.ConnectionLost => "the connection broke before an answer came",
            VaultUnreachableReason.CircuitOpen => "it failed repeatedly just before, so requests are paused for a while (circuit open)",
            _ => "the request timed out",
        };
        // Authority leaves out any user:password part of the address.
        return $"Vault at {address.Scheme}://{address.Authority} could not be reached for {method} {path}: {why}.";
    }
}
