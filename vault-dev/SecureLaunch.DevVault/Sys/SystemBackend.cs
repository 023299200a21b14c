using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Leases;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Sys;

/// <summary>The <c>sys/</c> mount: mounts, the UI mount preflight, and leases.</summary>
internal sealed class SystemBackend(DevVaultState state) : IVaultBackend
{
    private readonly LeasesEndpoints _leases = new(state);

    public string Prefix => "sys/";

    public VaultResult Handle(VaultRequest request, string subPath)
    {
        var op = request.Operation;
        return subPath switch
        {
            "mounts" => op == VaultOperation.Read ? Mounts() : VaultError.UnsupportedOperation,
            "internal/ui/mounts" => op == VaultOperation.Read ? UiMounts() : VaultError.UnsupportedOperation,
            _ when subPath.StartsWith("internal/ui/mounts/", StringComparison.Ordinal) =>
                op == VaultOperation.Read ? UiMount(subPath["internal/ui/mounts/".Length..]) : VaultError.UnsupportedOperation,
            _ => Leases(request, subPath),
        };
    }

    private VaultResult Leases(VaultRequest request, string subPath)
    {
        var op = request.Operation;
        if (subPath == "leases/lookup")
        {
            return op == VaultOperation.Update ? _leases.Lookup(request) : op == VaultOperation.List ? _leases.List(request, string.Empty) : VaultError.UnsupportedOperation;
        }

        if (subPath.StartsWith("leases/lookup/", StringComparison.Ordinal))
        {
            return op == VaultOperation.List ? _leases.List(request, subPath["leases/lookup/".Length..]) : VaultError.UnsupportedOperation;
        }

        if (TryAction(subPath, "renew", out var renewId))
        {
            return op == VaultOperation.Update ? _leases.Renew(request, renewId) : VaultError.UnsupportedOperation;
        }

        if (TryAction(subPath, "revoke", out var revokeId))
        {
            return op == VaultOperation.Update ? _leases.Revoke(request, revokeId) : VaultError.UnsupportedOperation;
        }

        if (subPath.StartsWith("leases/revoke-prefix/", StringComparison.Ordinal))
        {
            return op == VaultOperation.Update ? _leases.RevokePrefix(request, subPath["leases/revoke-prefix/".Length..]) : VaultError.UnsupportedOperation;
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

    private VaultResponse Mounts()
    {
        var data = new JsonObject();
        foreach (var mount in state.Mounts.Secrets)
        {
            data[mount.Path] = MountInfo.Json(mount);
        }

        return new VaultResponse { Data = data, MountType = "system" };
    }

    private VaultResponse UiMounts()
    {
        var auth = new JsonObject();
        foreach (var mount in state.Mounts.Auth)
        {
            auth[mount.Path] = MountInfo.Json(mount);
        }

        var secret = new JsonObject();
        foreach (var mount in state.Mounts.Secrets)
        {
            secret[mount.Path] = MountInfo.Json(mount);
        }

        return new VaultResponse { Data = new JsonObject { ["auth"] = auth, ["secret"] = secret }, MountType = "system" };
    }

    /// <summary>Vault's <c>pathInternalUIMountRead</c>: the mount a path lives in; 403 when there is none, so mounts cannot be probed.</summary>
    private VaultResult UiMount(string path)
    {
        var sanitized = (path.EndsWith('/') ? path : path + "/").TrimStart('/');
        var mount = state.Mounts.Match(sanitized);
        if (mount is null)
        {
            return new VaultError(403, [$"preflight capability check returned 403, please ensure client's policies grant access to path \"{sanitized}\""]);
        }

        var data = MountInfo.Json(mount);
        data["path"] = mount.Path;
        return new VaultResponse { Data = data, MountType = "system" };
    }
}
