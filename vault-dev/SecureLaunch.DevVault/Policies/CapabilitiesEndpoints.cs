using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Policies;

/// <summary><c>sys/capabilities-self</c>, <c>sys/capabilities</c> (token in the body) and <c>sys/capabilities-accessor</c>.</summary>
/// <remarks>
/// 200 with each path mapped to its sorted capabilities (<c>root</c> for a root token, <c>deny</c> when nothing is
/// granted), plus <c>capabilities</c> when one path was asked; the data is repeated at the top level as Vault does.
/// 400 <c>missing token or path</c>; 400 <c>invalid token</c> / <c>invalid accessor</c> for an unknown one.
/// </remarks>
internal sealed class CapabilitiesEndpoints(DevVaultState state)
{
    public VaultResult Handle(VaultRequest request, string subPath)
    {
        if (request.Operation != VaultOperation.Update)
        {
            return VaultError.UnsupportedOperation;
        }

        var paths = Fields.StringList(request.Data, "paths") is { Count: > 0 } given ? given : Fields.StringList(request.Data, "path") ?? [];
        TokenEntry? token;
        switch (subPath)
        {
            case "capabilities-self":
                token = request.Token;
                break;
            case "capabilities":
                var id = Fields.String(request.Data, "token");
                if (string.IsNullOrEmpty(id))
                {
                    return new VaultError(500, ["no token found"]);
                }

                token = state.Tokens.FindLive(id, request.Now);
                break;
            default:
                var accessor = Fields.String(request.Data, "accessor");
                if (string.IsNullOrEmpty(accessor))
                {
                    return VaultError.BadRequest("missing accessor");
                }

                token = state.Tokens.FindByAccessor(accessor, request.Now);
                if (token is null)
                {
                    return VaultError.BadRequest("invalid accessor");
                }

                break;
        }

        if (paths.Count == 0)
        {
            return VaultError.BadRequest("missing token or path");
        }

        if (token is null)
        {
            return VaultError.BadRequest("invalid token");
        }

        var acl = state.Policies.AclFor(token.Policies);
        var data = new JsonObject();
        var all = new List<string>();
        foreach (var path in paths)
        {
            var capabilities = acl.CapabilitiesOn(path);
            data[path] = JsonOut.Strings(capabilities);
            all.AddRange(capabilities);
        }

        if (paths.Count == 1)
        {
            data["capabilities"] = JsonOut.Strings(all);
        }

        return new VaultResponse { Data = data, MountType = "system", InjectDataAtTopLevel = true };
    }
}
