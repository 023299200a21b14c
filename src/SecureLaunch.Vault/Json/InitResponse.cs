namespace SecureLaunch.Vault.Json;

/// <summary>
/// The answer of <c>POST sys/init</c> (keys and root token), or of <c>GET sys/init</c> (<c>initialized</c> only).
/// Holds the unseal keys and the root token: never logged, and <see cref="ToString"/> leaves them out.
/// </summary>
internal sealed record InitResponse
{
    public IReadOnlyList<string>? Keys { get; init; }

    public IReadOnlyList<string>? KeysBase64 { get; init; }

    public string? RootToken { get; init; }

    public bool Initialized { get; init; }

    public override string ToString() => $"InitResponse {{ Keys = {Keys?.Count}, Initialized = {Initialized} }}";
}
