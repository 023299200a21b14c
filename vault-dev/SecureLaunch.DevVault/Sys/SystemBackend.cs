using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Leases;
using SecureLaunch.DevVault.Policies;
using SecureLaunch.DevVault.State;
using SecureLaunch.DevVault.Wrapping;

namespace SecureLaunch.DevVault.Sys;

/// <summary>The <c>sys/</c> mount: mounts, the UI mount preflight, leases, policies, capabilities and response wrapping.</summary>
internal sealed class SystemBackend(DevVaultState state) : IVaultBackend
{
    private readonly LeasesEndpoints _leases = new(state);
    private readonly MountsEndpoints _mounts = new(state);
    private readonly PolicyEndpoints _policies = new(state);
    private readonly CapabilitiesEndpoints _capabilities = new(state);
    private readonly WrappingEndpoints _wrapping = new(state);

    public string Prefix => "sys/";

    public VaultResult Handle(VaultRequest request, string subPath)
    {
        var op = request.Operation;
        return subPath switch
        {
            "mounts" => op == VaultOperation.Read ? _mounts.Mounts() : VaultError.UnsupportedOperation,
            "auth" => op == VaultOperation.Read ? _mounts.AuthMethods() : VaultError.UnsupportedOperation,
            _ when subPath.StartsWith("mounts/", StringComparison.Ordinal) && !subPath.EndsWith("/tune", StringComparison.Ordinal) => _mounts.Mount(request, subPath["mounts/".Length..], auth: false),
            _ when subPath.StartsWith("auth/", StringComparison.Ordinal) && !subPath.EndsWith("/tune", StringComparison.Ordinal) => _mounts.Mount(request, subPath["auth/".Length..], auth: true),
            "internal/ui/mounts" => op == VaultOperation.Read ? _mounts.UiMounts(request) : VaultError.UnsupportedOperation,
            _ when subPath.StartsWith("internal/ui/mounts/", StringComparison.Ordinal) =>
                op == VaultOperation.Read ? _mounts.UiMount(request, subPath["internal/ui/mounts/".Length..]) : VaultError.UnsupportedOperation,
            "policy" or "policy/" => _policies.Legacy(request, string.Empty),
            _ when subPath.StartsWith("policy/", StringComparison.Ordinal) => _policies.Legacy(request, subPath["policy/".Length..]),
            "policies/acl" or "policies/acl/" => _policies.Acl(request, string.Empty),
            _ when subPath.StartsWith("policies/acl/", StringComparison.Ordinal) => _policies.Acl(request, subPath["policies/acl/".Length..]),
            "capabilities-self" or "capabilities" or "capabilities-accessor" => _capabilities.Handle(request, subPath),
            "wrapping/wrap" or "wrapping/unwrap" or "wrapping/lookup" or "wrapping/rewrap" => _wrapping.Handle(request, subPath),
            _ => LeaseRouting.Route(_leases, request, subPath),
        };
    }

    /// <summary>Vault's root paths of the system backend that this server implements.</summary>
    public bool RequiresSudo(VaultRequest request, string subPath) =>
        subPath.StartsWith("auth/", StringComparison.Ordinal)
        || subPath.StartsWith("leases/revoke-prefix/", StringComparison.Ordinal)
        || subPath.StartsWith("leases/revoke-force/", StringComparison.Ordinal)
        || subPath.StartsWith("leases/lookup/", StringComparison.Ordinal)
        || subPath.StartsWith("revoke-prefix/", StringComparison.Ordinal)
        || subPath.StartsWith("revoke-force/", StringComparison.Ordinal);

    public bool IsUnauthenticated(VaultRequest request, string subPath) =>
        subPath is "wrapping/lookup" or "internal/ui/mounts" || subPath.StartsWith("internal/ui/mounts/", StringComparison.Ordinal);

    /// <summary>The wrapping token check Vault's HTTP layer makes before authentication, or null when the path has none.</summary>
    public VaultError? PreAuthenticate(VaultRequest request, string subPath) =>
        WrappingEndpoints.IsTokenPath(subPath) ? _wrapping.ValidateToken(request) : null;
}
