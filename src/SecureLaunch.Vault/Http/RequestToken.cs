namespace SecureLaunch.Vault.Http;

/// <summary>
/// Which token a request carries as <c>X-Vault-Token</c>: the client's, none (login, seal status, unseal, init),
/// or a wrapping token given for this one call. <see cref="ToString"/> never prints the value.
/// </summary>
internal readonly record struct RequestToken
{
    private RequestToken(RequestTokenKind kind, string? value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>The client's current token (the default).</summary>
    public static RequestToken Client => default;

    /// <summary>No <c>X-Vault-Token</c>: unauthenticated endpoints, and logins, which must not carry a stale token.</summary>
    public static RequestToken None => new(RequestTokenKind.None, null);

    public RequestTokenKind Kind { get; }

    public string? Value { get; }

    /// <summary>A token for this call only, such as a wrapping token sent to <c>sys/wrapping/unwrap</c>.</summary>
    public static RequestToken Explicit(string token) => new(RequestTokenKind.Explicit, token);

    public override string ToString() => Kind.ToString();
}
