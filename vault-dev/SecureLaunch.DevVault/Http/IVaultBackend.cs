using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Http;

/// <summary>A mounted engine. Called with <see cref="DevVaultState.Sync"/> held, so handlers are plain synchronous code.</summary>
internal interface IVaultBackend
{
    /// <summary>The full mount prefix requests are routed on: <c>secret/</c>, <c>auth/token/</c>...</summary>
    string Prefix { get; }

    /// <summary>Handles one call; <paramref name="subPath"/> is the path below <see cref="Prefix"/>.</summary>
    VaultResult Handle(VaultRequest request, string subPath);
}
