namespace SecureLaunch.DevVault.Http;

/// <summary>Success without a body: 204.</summary>
internal sealed record VaultNoContent : VaultResult
{
    public static VaultNoContent Instance { get; } = new();
}
