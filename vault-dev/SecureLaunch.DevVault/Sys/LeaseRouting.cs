using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Leases;

namespace SecureLaunch.DevVault.Sys;

/// <summary>Routes <c>sys/leases/*</c> and the legacy <c>sys/renew</c>, <c>sys/revoke</c> paths to <see cref="LeasesEndpoints"/>.</summary>
internal static class LeaseRouting
{
    public static VaultResult Route(LeasesEndpoints leases, VaultRequest request, string subPath)
    {
        var op = request.Operation;
        if (subPath == "leases/lookup")
        {
            return op == VaultOperation.Update ? leases.Lookup(request) : VaultError.UnsupportedOperation;
        }

        if (subPath.StartsWith("leases/lookup/", StringComparison.Ordinal))
        {
            return op == VaultOperation.List ? leases.List(request, subPath["leases/lookup/".Length..]) : VaultError.UnsupportedOperation;
        }

        if (TryAction(subPath, "renew", out var renewId))
        {
            return op == VaultOperation.Update ? leases.Renew(request, renewId) : VaultError.UnsupportedOperation;
        }

        if (TryAction(subPath, "revoke", out var revokeId))
        {
            return op == VaultOperation.Update ? leases.Revoke(request, revokeId) : VaultError.UnsupportedOperation;
        }

        if (subPath.StartsWith("leases/revoke-prefix/", StringComparison.Ordinal))
        {
            return op == VaultOperation.Update ? leases.RevokePrefix(request, subPath["leases/revoke-prefix/".Length..]) : VaultError.UnsupportedOperation;
        }

        return VaultError.UnsupportedPath;
    }

    /// <summary>Matches <c>leases/{action}[/id]</c> and the legacy <c>{action}[/id]</c>.</summary>
    private static bool TryAction(string subPath, string action, out string urlLeaseId)
    {
        foreach (var prefix in (string[])["leases/" + action, action])
        {
            if (subPath == prefix)
            {
                urlLeaseId = string.Empty;
                return true;
            }

            if (subPath.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                urlLeaseId = subPath[(prefix.Length + 1)..];
                return true;
            }
        }

        urlLeaseId = string.Empty;
        return false;
    }
}
