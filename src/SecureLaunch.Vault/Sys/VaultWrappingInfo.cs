namespace SecureLaunch.Vault.Sys;

/// <summary>What <c>sys/wrapping/lookup</c> says of a wrapping token, without unwrapping it.</summary>
public sealed record VaultWrappingInfo
{
    /// <summary>The path whose answer was wrapped, e.g. <c>auth/approle/role/app/secret-id</c>: check it is the expected one.</summary>
    public required string CreationPath { get; init; }

    public DateTimeOffset? CreationTime { get; init; }

    public required TimeSpan CreationTtl { get; init; }

    /// <summary>When the wrapping token runs out, if Vault said when it was made.</summary>
    public DateTimeOffset? ExpiresAt => CreationTime + CreationTtl;
}
