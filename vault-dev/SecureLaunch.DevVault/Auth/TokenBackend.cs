using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth;

/// <summary>The <c>auth/token/</c> method: create (plain, orphan or against a role), lookup (self, by token or by accessor), renew, revoke (self, by token or by accessor) and roles.</summary>
internal sealed partial class TokenBackend(DevVaultState state) : IVaultBackend
{
    private readonly TokenCreation _creation = new(state);

    public string Prefix => "auth/token/";

    public bool? Exists(VaultRequest request, string subPath) =>
        subPath.StartsWith(RolesPrefix, StringComparison.Ordinal) && subPath.Length > RolesPrefix.Length ? RoleExists(subPath) : null;

    public VaultResult Handle(VaultRequest request, string subPath)
    {
        var op = request.Operation;
        if (subPath.StartsWith("roles", StringComparison.Ordinal) && (subPath.Length == "roles".Length || subPath[5] == '/'))
        {
            return HandleRoles(request, subPath);
        }

        if (subPath.StartsWith("create/", StringComparison.Ordinal))
        {
            return op == VaultOperation.Update ? CreateAgainstRole(request, subPath["create/".Length..]) : VaultError.UnsupportedOperation;
        }

        var caller = request.Token!;
        return subPath switch
        {
            "lookup-self" => op is VaultOperation.Read or VaultOperation.Update ? Lookup(caller, request.Now) : VaultError.UnsupportedOperation,
            "lookup" => op == VaultOperation.Update ? LookupOther(request) : VaultError.UnsupportedOperation,
            "lookup-accessor" => op == VaultOperation.Update ? LookupByAccessor(request) : VaultError.UnsupportedOperation,
            "create" => op == VaultOperation.Update ? _creation.Create(request, orphan: false) : VaultError.UnsupportedOperation,
            "create-orphan" => op == VaultOperation.Update ? _creation.Create(request, orphan: true) : VaultError.UnsupportedOperation,
            "renew-self" => op == VaultOperation.Update ? Renew(request, caller) : VaultError.UnsupportedOperation,
            "renew" => op == VaultOperation.Update ? RenewOther(request) : VaultError.UnsupportedOperation,
            "revoke-self" => op == VaultOperation.Update ? Revoke(caller, request.Now) : VaultError.UnsupportedOperation,
            "revoke" => op == VaultOperation.Update ? RevokeOther(request) : VaultError.UnsupportedOperation,
            "revoke-accessor" => op == VaultOperation.Update ? RevokeByAccessor(request) : VaultError.UnsupportedOperation,
            _ => VaultError.UnsupportedPath,
        };
    }

    private static VaultResponse Lookup(TokenEntry token, DateTimeOffset now) =>
        new() { Data = TokenJson.Lookup(token, now), MountType = "token" };

    private VaultResult LookupOther(VaultRequest request)
    {
        var token = state.Tokens.FindLive(Fields.String(request.Data, "token"), request.Now);
        return token is null ? new VaultError(403, ["bad token"]) : Lookup(token, request.Now);
    }

    /// <summary>
    /// Vault's <c>handleUpdateLookupAccessor</c>: the lookup data with <c>id</c> blanked, since an accessor must never
    /// yield its token. No accessor is 400 <c>missing accessor</c>; one it does not know (never issued, or its token
    /// expired or was revoked) is 400 <c>invalid accessor</c>.
    /// </summary>
    private VaultResult LookupByAccessor(VaultRequest request)
    {
        var accessor = Fields.String(request.Data, "accessor");
        if (string.IsNullOrEmpty(accessor))
        {
            return VaultError.BadRequest("missing accessor");
        }

        var token = state.Tokens.FindByAccessor(accessor, request.Now);
        if (token is null)
        {
            return VaultError.BadRequest("invalid accessor");
        }

        var data = TokenJson.Lookup(token, request.Now);
        data["id"] = string.Empty;
        return new VaultResponse { Data = data, MountType = "token" };
    }

    private VaultResult RenewOther(VaultRequest request)
    {
        var token = state.Tokens.FindLive(Fields.String(request.Data, "token"), request.Now);
        return token is null ? VaultError.BadRequest("token not found") : Renew(request, token);
    }

    /// <summary>Vault answers a role it does not know with 400 <c>unknown role NAME</c>.</summary>
    private VaultResult CreateAgainstRole(VaultRequest request, string name) => _roles.TryGetValue(name, out var role)
        ? _creation.Create(request, orphan: false, role)
        : VaultError.BadRequest($"unknown role {name}");

    /// <summary>
    /// A token created against a role renews with the role's period and explicit max TTL as they are now (Vault's
    /// <c>authRenew</c>); if the role is gone, Vault refuses to renew it.
    /// </summary>
    private VaultResult Renew(VaultRequest request, TokenEntry token)
    {
        if (token.Role is null)
        {
            return TokenRenewal.Renew(request, token, token.Period, token.ExplicitMaxTtl, state.Counters);
        }

        return _roles.TryGetValue(token.Role, out var role)
            ? TokenRenewal.Renew(request, token, role.TokenPeriod, role.TokenExplicitMaxTtl, state.Counters)
            : new VaultError(500, [$"1 error occurred:\n\t* original token role \"{token.Role}\" could not be found, not renewing\n\n"]);
    }

    private VaultNoContent Revoke(TokenEntry token, DateTimeOffset now)
    {
        state.Tokens.RevokeTree(token, now);
        return VaultNoContent.Instance;
    }

    private VaultResult RevokeOther(VaultRequest request)
    {
        var id = Fields.String(request.Data, "token");
        if (string.IsNullOrEmpty(id))
        {
            return VaultError.BadRequest("missing token ID");
        }

        var token = state.Tokens.FindLive(id, request.Now);
        return token is null ? VaultNoContent.Instance : Revoke(token, request.Now);
    }

    /// <summary>Vault answers an accessor it does not know (never issued, or its token expired or was revoked) with 400.</summary>
    private VaultResult RevokeByAccessor(VaultRequest request)
    {
        var token = state.Tokens.FindByAccessor(Fields.String(request.Data, "accessor"), request.Now);
        return token is null ? VaultError.BadRequest("invalid accessor") : Revoke(token, request.Now);
    }
}
