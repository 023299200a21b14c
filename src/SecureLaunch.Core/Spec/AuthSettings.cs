namespace SecureLaunch.Core.Spec;

/// <summary>The spec's <c>vault.auth:</c> section. <see cref="ToString"/> never shows the token.</summary>
public sealed record AuthSettings
{
    /// <summary>The auth method; only <c>token</c> in this version.</summary>
    public string Method { get; init; } = "token";

    /// <summary>A token written in the spec (usually as <c>${VAULT_TOKEN}</c>); null means <c>VAULT_TOKEN</c>, then <c>~/.vault-token</c>.</summary>
    public string? Token { get; init; }

    public override string ToString() => $"AuthSettings {{ Method = {Method}, Token = {(Token is null ? "(from environment)" : "(set)")} }}";
}
