namespace SecureLaunch.DevVault.Http;

/// <summary>Vault's logical operations; PUT and POST are both <see cref="Update"/>.</summary>
internal enum VaultOperation
{
    Read,
    List,
    Update,
    Delete,
    Patch,
}
