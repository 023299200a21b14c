using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Http;

/// <summary>A mounted engine. Called with <see cref="DevVaultState.Sync"/> held, so handlers are plain synchronous code.</summary>
internal interface IVaultBackend
{
    /// <summary>The full mount prefix requests are routed on: <c>secret/</c>, <c>auth/token/</c>...</summary>
    string Prefix { get; }

    /// <summary>Handles one call; <paramref name="subPath"/> is the path below <see cref="Prefix"/>.</summary>
    VaultResult Handle(VaultRequest request, string subPath);

    /// <summary>
    /// Vault's existence check for writes: true or false when the path has one (a write to a missing target then
    /// needs <c>create</c>, to an existing one <c>update</c>), null when it has none (writes need <c>update</c>).
    /// </summary>
    bool? Exists(VaultRequest request, string subPath) => null;

    /// <summary>Root-protected paths: a non-root token needs <c>sudo</c> on them besides the capability itself.</summary>
    bool RequiresSudo(VaultRequest request, string subPath) => false;

    /// <summary>A check Vault's HTTP layer makes before authentication (the wrapping token on <c>sys/wrapping/*</c>), or null.</summary>
    VaultError? PreAuthenticate(VaultRequest request, string subPath) => null;

    /// <summary>Paths served without a token and without ACL checks (logins, wrapping lookup, the UI mount listing).</summary>
    bool IsUnauthenticated(VaultRequest request, string subPath) => false;
}
