namespace SecureLaunch.DevVault.Http;

/// <summary>What a handler answers; <see cref="ResultWriter"/> turns it into HTTP.</summary>
internal abstract record VaultResult;
