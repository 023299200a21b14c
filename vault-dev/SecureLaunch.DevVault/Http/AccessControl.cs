using SecureLaunch.DevVault.Policies;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Http;

/// <summary>The ACL step of every authenticated request: the token's policies must allow the operation on the path.</summary>
internal static class AccessControl
{
    /// <summary>Null when allowed; else 403 as Vault words an ACL denial.</summary>
    public static VaultError? Check(DevVaultState state, VaultRequest request, TokenEntry caller, IVaultBackend? backend, string subPath)
    {
        if (caller.IsRoot)
        {
            return null;
        }

        var operation = request.Operation switch
        {
            VaultOperation.Read => AclOperation.Read,
            VaultOperation.List => AclOperation.List,
            VaultOperation.Delete => AclOperation.Delete,
            VaultOperation.Patch => AclOperation.Patch,
            _ => backend?.Exists(request, subPath) == false ? AclOperation.Create : AclOperation.Update,
        };
        var decision = state.Policies.AclFor(caller.Policies).Check(operation, request.Path, request.Data, request.WrapTtl);
        if (!decision.Allowed || (backend?.RequiresSudo(request, subPath) == true && !decision.Sudo))
        {
            return VaultError.AclDenied;
        }

        return null;
    }

    /// <summary>Whether the caller holds <c>sudo</c> on a path (token creation options such as <c>period</c> and <c>id</c> need it).</summary>
    public static bool HasSudo(DevVaultState state, TokenEntry caller, string path) =>
        caller.IsRoot || state.Policies.AclFor(caller.Policies).Check(AclOperation.Update, path, [], null).Sudo;
}
