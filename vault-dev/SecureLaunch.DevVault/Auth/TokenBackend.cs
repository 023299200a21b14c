using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth;

/// <summary>The <c>auth/token/</c> method: create, lookup, renew and revoke (self, by token or by accessor).</summary>
internal sealed class TokenBackend(DevVaultState state) : IVaultBackend
{
    private readonly TokenCreation _creation = new(state);

    public string Prefix => "auth/token/";

    public VaultResult Handle(VaultRequest request, string subPath)
    {
        var op = request.Operation;
        var caller = request.Token!;
        return subPath switch
        {
            "lookup-self" => op is VaultOperation.Read or VaultOperation.Update ? Lookup(caller, request.Now) : VaultError.UnsupportedOperation,
            "lookup" => op == VaultOperation.Update ? LookupOther(request) : VaultError.UnsupportedOperation,
            "create" => op == VaultOperation.Update ? _creation.Create(request, orphan: false) : VaultError.UnsupportedOperation,
            "create-orphan" => op == VaultOperation.Update ? _creation.Create(request, orphan: true) : VaultError.UnsupportedOperation,
            "renew-self" => op == VaultOperation.Update ? TokenRenewal.Renew(request, caller, state.Counters) : VaultError.UnsupportedOperation,
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

    private VaultResult RenewOther(VaultRequest request)
    {
        var token = state.Tokens.FindLive(Fields.String(request.Data, "token"), request.Now);
        return token is null ? VaultError.BadRequest("token not found") : TokenRenewal.Renew(request, token, state.Counters);
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
