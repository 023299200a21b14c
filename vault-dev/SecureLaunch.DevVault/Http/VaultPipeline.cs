using Microsoft.AspNetCore.Http;
using SecureLaunch.DevVault.State;
using SecureLaunch.DevVault.Sys;

namespace SecureLaunch.DevVault.Http;

/// <summary>
/// The one request delegate: unauthenticated sys endpoints, then seal check, token check, and routing by mount,
/// in the order Vault applies them.
/// </summary>
internal sealed class VaultPipeline(DevVaultState state, IReadOnlyList<IVaultBackend> backends)
{
    private const string ApiPrefix = "/v1/";

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var result = await ResolveAsync(context, cancellationToken);
        await ResultWriter.WriteAsync(context, result, cancellationToken);
    }

    private async Task<VaultResult> ResolveAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var rawPath = context.Request.Path.Value ?? string.Empty;
        if (!rawPath.StartsWith(ApiPrefix, StringComparison.Ordinal) || rawPath.Length == ApiPrefix.Length)
        {
            return VaultError.NotFound;
        }

        var path = rawPath[ApiPrefix.Length..];
        var unauthenticated = UnauthenticatedEndpoint(context, path);
        if (unauthenticated is not null)
        {
            return unauthenticated;
        }

        var (request, error) = await RequestReader.ReadAsync(context, path, state.Now, cancellationToken);
        if (request is null)
        {
            return error!;
        }

        var token = RequestReader.Token(context.Request);
        lock (state.Sync)
        {
            return Route(request, token);
        }
    }

    private VaultResult? UnauthenticatedEndpoint(HttpContext context, string path)
    {
        switch (path)
        {
            case "sys/health":
                lock (state.Sync)
                {
                    return HealthEndpoint.Handle(context.Request, state);
                }

            case "sys/seal-status":
                lock (state.Sync)
                {
                    return HttpMethods.IsGet(context.Request.Method) ? SealStatusEndpoint.Handle(state) : new VaultError(405, []);
                }

            default:
                return null;
        }
    }

    private VaultResult Route(VaultRequest request, string? token)
    {
        if (state.Status is DevVaultStatus.Sealed or DevVaultStatus.Uninitialized)
        {
            return VaultError.Sealed;
        }

        // Expiry is evaluated lazily: revoke what has run out (tokens, their children and leases) before serving.
        state.Tokens.Sweep(request.Now);
        var caller = state.Tokens.FindLive(token, request.Now);
        if (caller is null)
        {
            return VaultError.PermissionDenied;
        }

        ConsumeUse(caller);
        request.Token = caller;
        var path = request.Path.EndsWith('/') ? request.Path : request.Path + "/";
        var backend = backends.FirstOrDefault(b => path.StartsWith(b.Prefix, StringComparison.Ordinal));
        var result = backend is null
            ? VaultError.NoHandler(request.Path)
            : backend.Handle(request, request.Path.Length > backend.Prefix.Length ? request.Path[backend.Prefix.Length..] : string.Empty);

        if (caller.UsesExhausted && !caller.Revoked)
        {
            state.Tokens.RevokeTree(caller);
        }

        return result;
    }

    private static void ConsumeUse(TokenEntry caller)
    {
        if (caller.NumUses <= 0)
        {
            return;
        }

        caller.NumUses--;
        caller.UsesExhausted = caller.NumUses == 0;
    }
}
