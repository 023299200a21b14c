using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SecureLaunch.DevVault.Http;

namespace SecureLaunch.DevVault.Sys;

/// <summary><c>GET /v1/sys/leader</c>: unauthenticated; a standby names its active node, a single server reports HA off.</summary>
internal static class LeaderEndpoint
{
    public static VaultResult Handle(HttpRequest request, Uri? activeNode)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return new VaultError(405, []);
        }

        var body = new JsonObject
        {
            ["ha_enabled"] = activeNode is not null,
            ["is_self"] = false,
            ["active_time"] = "0001-01-01T00:00:00Z",
            ["leader_address"] = activeNode?.ToString() ?? string.Empty,
            ["leader_cluster_address"] = string.Empty,
            ["performance_standby"] = false,
            ["performance_standby_last_remote_wal"] = 0,
        };
        return new VaultRawJson(200, body);
    }
}
