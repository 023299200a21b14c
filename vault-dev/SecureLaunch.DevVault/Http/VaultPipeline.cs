using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SecureLaunch.DevVault.State;
using SecureLaunch.DevVault.Sys;
using SecureLaunch.DevVault.Sys.Seal;

namespace SecureLaunch.DevVault.Http;

/// <summary>
/// The one request delegate: unauthenticated sys endpoints, then seal check, wrapping-token check, token check,
/// ACL, routing by mount and response wrapping, in the order Vault applies them.
/// </summary>
internal sealed class VaultPipeline(DevVaultState state, IReadOnlyList<IVaultBackend> backends, StandbyForwarder? standby)
{
    private const string ApiPrefix = "/v1/";

    public FaultQueue Faults { get; } = new();

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var rawPath = context.Request.Path.Value ?? string.Empty;
        var fault = Faults.Take(rawPath.StartsWith(ApiPrefix, StringComparison.Ordinal) ? rawPath[ApiPrefix.Length..] : rawPath);
        switch (fault?.Kind)
        {
            case DevVaultFaultKind.DropConnection:
                context.Abort();
                return;
            case DevVaultFaultKind.InternalServerError:
                await ResultWriter.WriteAsync(context, new VaultError(500, ["internal error"]), cancellationToken);
                return;
            case DevVaultFaultKind.ServiceUnavailable:
                await ResultWriter.WriteAsync(context, new VaultError(503, ["service unavailable"]), cancellationToken);
                return;
            case DevVaultFaultKind.Latency:
                await Task.Delay(fault.Delay, state.Clock, cancellationToken);
                break;
        }

        if (standby is not null && !StandbyForwarder.ServedLocally(rawPath))
        {
            await standby.HandleAsync(context, cancellationToken);
            return;
        }

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

        if (path is "sys/init" or "sys/unseal")
        {
            return await SealEndpointAsync(context, path, cancellationToken);
        }

        var (request, error) = await RequestReader.ReadAsync(context, path, state.Now, cancellationToken);
        if (request is null)
        {
            return error!;
        }

        lock (state.Sync)
        {
            var result = Route(request);
            state.Seal.Persist();
            return result;
        }
    }

    /// <summary>The seal endpoints Vault serves outside its logical router, sealed or not.</summary>
    private async Task<VaultResult> SealEndpointAsync(HttpContext context, string path, CancellationToken cancellationToken)
    {
        JsonObject? body = null;
        if (HttpMethods.IsPut(context.Request.Method) || HttpMethods.IsPost(context.Request.Method))
        {
            var (parsed, error) = await RequestReader.ReadBodyAsync(context.Request, cancellationToken);
            if (error is not null)
            {
                return error;
            }

            body = parsed;
        }

        lock (state.Sync)
        {
            return path == "sys/init" ? SealEndpoints.Init(context.Request, body, state) : SealEndpoints.Unseal(context.Request, body, state);
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

            case "sys/seal":
                lock (state.Sync)
                {
                    return SealEndpoints.Seal(context.Request, state);
                }

            case "sys/leader":
                return LeaderEndpoint.Handle(context.Request, standby?.ActiveNode);

            default:
                return null;
        }
    }

    private VaultResult Route(VaultRequest request)
    {
        if (state.Status is DevVaultStatus.Sealed or DevVaultStatus.Uninitialized)
        {
            return VaultError.Sealed;
        }

        // Expiry is evaluated lazily: revoke what has run out (tokens, their children and leases) before serving.
        state.Tokens.Sweep(request.Now);
        var withSlash = request.Path.EndsWith('/') ? request.Path : request.Path + "/";
        var backend = backends.FirstOrDefault(b => withSlash.StartsWith(b.Prefix, StringComparison.Ordinal));
        var subPath = backend is null || request.Path.Length <= backend.Prefix.Length ? string.Empty : request.Path[backend.Prefix.Length..];
        if (backend?.PreAuthenticate(request, subPath) is { } rejected)
        {
            return rejected;
        }

        var caller = state.Tokens.FindLive(request.ClientToken, request.Now);
        request.Token = caller;
        if (backend?.IsUnauthenticated(request, subPath) != true)
        {
            if (caller is null)
            {
                return VaultError.PermissionDenied;
            }

            // Vault spends a use before the ACL check, so a denied request still counts.
            ConsumeUse(caller);
            if (AccessControl.Check(state, request, caller, backend, subPath) is { } denied)
            {
                RevokeIfExhausted(caller);
                return denied;
            }
        }

        var result = backend is null ? VaultError.NoHandler(request.Path) : backend.Handle(request, subPath);
        if (caller is not null)
        {
            RevokeIfExhausted(caller);
        }

        if (request.WrapTtl is { } ttl && result is VaultResponse { StatusCode: 200, WrapInfo: null } response)
        {
            return state.Wrapping.Wrap(response, request.Path, ttl, request.Now);
        }

        return result;
    }

    private void RevokeIfExhausted(TokenEntry caller)
    {
        if (caller.UsesExhausted && !caller.Revoked)
        {
            state.Tokens.RevokeTree(caller);
        }
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
