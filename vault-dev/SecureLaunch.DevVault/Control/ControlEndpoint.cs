using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Control;

/// <summary>
/// The opt-in control endpoint under <c>/_devvault/</c>, outside Vault's <c>/v1/</c> API so that it can never shadow a
/// Vault path: counters, fault injection and seal events over HTTP, for tests in another process. Served only with
/// <see cref="DevVaultOptions.Control"/>; never faulted, audited or forwarded.
/// </summary>
/// <remarks>
/// <c>GET counters</c> 200; <c>DELETE counters</c> 204 (reset). <c>GET faults</c> 200; <c>POST faults</c> 204 or 400;
/// <c>DELETE faults</c> 204. <c>POST seal</c> 204. Unknown paths 404, other methods 405, all with <c>{"errors":[...]}</c>.
/// </remarks>
internal sealed class ControlEndpoint(DevVaultState state, FaultQueue faults)
{
    public const string Prefix = "/_devvault/";

    public async Task<VaultResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var path = (request.Path.Value ?? string.Empty)[Prefix.Length..].TrimEnd('/');
        switch (path)
        {
            case "counters" when HttpMethods.IsGet(request.Method):
                lock (state.Sync)
                {
                    return new VaultRawJson(200, state.Counters.ToJson());
                }

            case "counters" when HttpMethods.IsDelete(request.Method):
                lock (state.Sync)
                {
                    state.Counters.Reset();
                }

                return VaultNoContent.Instance;
            case "faults" when HttpMethods.IsGet(request.Method):
                return new VaultRawJson(200, new JsonObject { ["faults"] = new JsonArray([.. faults.Pending().Select(p => (JsonNode?)FaultJson.Write(p.Fault, p.Left))]) });
            case "faults" when HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method):
                return await AddFaultAsync(request, cancellationToken);
            case "faults" when HttpMethods.IsDelete(request.Method):
                faults.Clear();
                return VaultNoContent.Instance;
            case "seal" when HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method):
                lock (state.Sync)
                {
                    state.Seal.Seal();
                }

                return VaultNoContent.Instance;
            case "counters" or "faults" or "seal":
                return new VaultError(405, [$"method {request.Method} not allowed on {Prefix}{path}"]);
            default:
                return new VaultError(404, [$"no control endpoint at {Prefix}{path}"]);
        }
    }

    private async Task<VaultResult> AddFaultAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, error) = await RequestReader.ReadBodyAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (fault, count, problem) = FaultJson.Read(body ?? []);
        if (problem is not null)
        {
            return VaultError.BadRequest(problem);
        }

        faults.Add(fault!, count);
        return VaultNoContent.Instance;
    }
}
