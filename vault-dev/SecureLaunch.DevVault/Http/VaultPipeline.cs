using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SecureLaunch.DevVault.Audit;
using SecureLaunch.DevVault.Control;
using SecureLaunch.DevVault.State;
using SecureLaunch.DevVault.Sys;
using SecureLaunch.DevVault.Sys.Seal;

namespace SecureLaunch.DevVault.Http;

/// <summary>
/// The one request delegate: the control endpoint (when enabled), injected faults, unauthenticated sys endpoints,
/// then seal check, wrapping-token check, token check, ACL, routing by mount, response wrapping and the audit
/// device, in the order Vault applies them.
/// </summary>
internal sealed partial class VaultPipeline(DevVaultState state, IReadOnlyList<IVaultBackend> backends, StandbyForwarder? standby, AuditDevice? audit, FaultQueue faults, bool control)
{
    private const string ApiPrefix = "/v1/";
    private readonly ControlEndpoint? _control = control ? new ControlEndpoint(state, faults) : null;

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var rawPath = context.Request.Path.Value ?? string.Empty;
        if (_control is not null && rawPath.StartsWith(ControlEndpoint.Prefix, StringComparison.Ordinal))
        {
            await ResultWriter.WriteAsync(context, await _control.HandleAsync(context, cancellationToken), cancellationToken);
            return;
        }

        if (!await ApplyFaultAsync(context, rawPath, cancellationToken))
        {
            return;
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
            if (state.Status is DevVaultStatus.Sealed or DevVaultStatus.Uninitialized)
            {
                return VaultError.Sealed;
            }

            var result = Route(request);
            if (result is VaultResponse { RequestId: null } response)
            {
                result = response with { RequestId = request.Id };
            }

            if (audit is not null && !audit.Log(request, result))
            {
                // Vault refuses to answer a request it could not audit.
                result = new VaultError(500, ["internal error"]);
            }

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
        // Expiry is evaluated lazily: revoke what has run out (tokens, their children and leases) before serving.
        state.Tokens.Sweep(request.Now);
        var withSlash = request.Path.EndsWith('/') ? request.Path : request.Path + "/";
        var backend = backends.FirstOrDefault(b => withSlash.StartsWith(b.Prefix, StringComparison.Ordinal));
        var subPath = backend is null || request.Path.Length <= backend.Prefix.Length ? string.Empty : request.Path[backend.Prefix.Length..];
        Describe(request, backend, subPath);
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

    /// <summary>What the audit device records of the route: the mount and the operation (a write to a missing target is a create).</summary>
    private void Describe(VaultRequest request, IVaultBackend? backend, string subPath)
    {
        if (audit is null)
        {
            return;
        }

        request.AuditOperation = request.Operation switch
        {
            VaultOperation.Read => "read",
            VaultOperation.List => "list",
            VaultOperation.Delete => "delete",
            VaultOperation.Patch => "patch",
            _ => backend?.Exists(request, subPath) == false ? "create" : "update",
        };
        if (state.Mounts.Match(request.Path) is { } mount)
        {
            request.MountType = mount.Type;
            request.MountAccessor = mount.Accessor;
        }
    }

    private void RevokeIfExhausted(TokenEntry caller)
    {
        if (caller.UsesExhausted && !caller.Revoked)
        {
            state.Tokens.RevokeTree(caller, state.Now);
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
