namespace SecureLaunch.Vault.Http;

/// <summary>See <see cref="RequestToken"/>.</summary>
internal enum RequestTokenKind
{
    Client,
    None,
    Explicit,
}
