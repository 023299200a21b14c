using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Sys;

/// <summary><c>sys/mounts</c> and the UI preflight <c>sys/internal/ui/mounts[/:path]</c>, which show only mounts the token can reach.</summary>
internal sealed class MountsEndpoints(DevVaultState state)
{
    public VaultResponse Mounts()
    {
        var data = new JsonObject();
        foreach (var mount in state.Mounts.Secrets)
        {
            data[mount.Path] = MountInfo.Json(mount);
        }

        return new VaultResponse { Data = data, MountType = "system", InjectDataAtTopLevel = true };
    }

    /// <summary><c>GET sys/auth</c>: the auth methods.</summary>
    public VaultResponse AuthMethods()
    {
        var data = new JsonObject();
        foreach (var mount in state.Mounts.Auth)
        {
            data[mount.Path] = MountInfo.Json(mount, auth: true);
        }

        return new VaultResponse { Data = data, MountType = "system", InjectDataAtTopLevel = true };
    }

    /// <summary>
    /// <c>sys/mounts/:path</c> and <c>sys/auth/:path</c>: read a mount; enabling one where one is answers Vault's
    /// <c>path is already in use at p/</c>, anywhere else 400, since this server's mounts are fixed; disabling is refused.
    /// </summary>
    public VaultResult Mount(VaultRequest request, string path, bool auth)
    {
        var sanitized = path.Trim('/') + "/";
        var table = auth ? state.Mounts.Auth : state.Mounts.Secrets;
        var mount = table.FirstOrDefault(m => m.Path == sanitized);
        switch (request.Operation)
        {
            case VaultOperation.Read:
                return mount is null
                    ? VaultError.BadRequest(auth ? $"No auth engine at {sanitized}" : $"No secret engine mount at {sanitized}")
                    : new VaultResponse { Data = MountInfo.Json(mount, auth), MountType = "system", InjectDataAtTopLevel = !auth };
            case VaultOperation.Update:
                var type = Fields.String(request.Data, "type");
                if (string.IsNullOrEmpty(type))
                {
                    return VaultError.BadRequest("backend type must be specified as a string");
                }

                return mount is not null
                    ? VaultError.BadRequest($"path is already in use at {sanitized}")
                    : VaultError.BadRequest($"enabling {type} at {(auth ? "auth/" : string.Empty)}{sanitized} is not supported by the SecureLaunch dev server: its mounts are fixed ({string.Join(", ", table.Select(m => m.Path))})");
            case VaultOperation.Delete:
                return mount is null
                    ? VaultNoContent.Instance
                    : VaultError.BadRequest($"disabling {(auth ? "auth/" : string.Empty)}{sanitized} is not supported by the SecureLaunch dev server: its mounts are fixed");
            default:
                return VaultError.UnsupportedOperation;
        }
    }

    /// <summary>Unauthenticated in Vault: without a valid token no mount is listed (none is marked <c>unauth</c> here).</summary>
    public VaultResponse UiMounts(VaultRequest request)
    {
        var auth = new JsonObject();
        var secret = new JsonObject();
        if (request.Token is { } token)
        {
            var acl = state.Policies.AclFor(token.Policies);
            foreach (var mount in state.Mounts.Auth.Where(m => acl.HasMountAccess("auth/" + m.Path)))
            {
                auth[mount.Path] = MountInfo.Json(mount);
            }

            foreach (var mount in state.Mounts.Secrets.Where(m => acl.HasMountAccess(m.Path)))
            {
                secret[mount.Path] = MountInfo.Json(mount);
            }
        }

        return new VaultResponse { Data = new JsonObject { ["auth"] = auth, ["secret"] = secret }, MountType = "system" };
    }

    /// <summary>Vault's <c>pathInternalUIMountRead</c>: the mount a path lives in; 403 when there is none or the token cannot reach it, so mounts cannot be probed.</summary>
    public VaultResult UiMount(VaultRequest request, string path)
    {
        var sanitized = (path.EndsWith('/') ? path : path + "/").TrimStart('/');
        var mount = state.Mounts.Match(sanitized);
        var fullPath = mount is null ? null : sanitized.StartsWith("auth/", StringComparison.Ordinal) ? "auth/" + mount.Path : mount.Path;
        if (mount is null || request.Token is null || !state.Policies.AclFor(request.Token.Policies).HasMountAccess(fullPath!))
        {
            return new VaultError(403, [$"preflight capability check returned 403, please ensure client's policies grant access to path \"{sanitized}\""]);
        }

        var data = MountInfo.Json(mount);
        data["path"] = mount.Path;
        return new VaultResponse { Data = data, MountType = "system" };
    }
}
