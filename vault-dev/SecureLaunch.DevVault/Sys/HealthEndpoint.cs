using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Sys;

/// <summary><c>GET|HEAD /v1/sys/health</c>: unauthenticated; the status code tells the state, tunable by query.</summary>
/// <remarks>200 active, 429 standby, 501 uninitialized, 503 sealed (each overridable); 400 for a malformed parameter; 405 for other methods.</remarks>
internal static class HealthEndpoint
{
    public static VaultResult Handle(HttpRequest request, DevVaultState state)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return new VaultError(405, []);
        }

        if (!TryFlag(request, "standbyok", out var standbyOk) || !TryFlag(request, "perfstandbyok", out _)
            || !TryCode(request, "uninitcode", 501, out var uninitCode)
            || !TryCode(request, "sealedcode", 503, out var sealedCode)
            || !TryCode(request, "standbycode", 429, out var standbyCode)
            || !TryCode(request, "activecode", 200, out var activeCode)
            || !TryCode(request, "drsecondarycode", 472, out _)
            || !TryCode(request, "performancestandbycode", 473, out _))
        {
            return new VaultError(400, []);
        }

        var status = state.Status;
        var code = status switch
        {
            DevVaultStatus.Uninitialized => uninitCode,
            DevVaultStatus.Sealed => sealedCode,
            DevVaultStatus.Standby when !standbyOk => standbyCode,
            _ => activeCode,
        };

        return new VaultRawJson(code, Body(state, status));
    }

    private static JsonObject Body(DevVaultState state, DevVaultStatus status)
    {
        var sealedNow = status is DevVaultStatus.Sealed or DevVaultStatus.Uninitialized;
        var body = new JsonObject
        {
            ["initialized"] = status != DevVaultStatus.Uninitialized,
            ["sealed"] = sealedNow,
            ["standby"] = status == DevVaultStatus.Standby,
            ["performance_standby"] = false,
            ["replication_performance_mode"] = "disabled",
            ["replication_dr_mode"] = "disabled",
            ["server_time_utc"] = state.Now.ToUnixTimeSeconds(),
            ["version"] = SystemDefaults.Version,
        };
        if (!sealedNow)
        {
            body["cluster_name"] = state.ClusterName;
            body["cluster_id"] = state.ClusterId;
        }

        return body;
    }

    private static bool TryFlag(HttpRequest request, string name, out bool value)
    {
        value = false;
        return !request.Query.TryGetValue(name, out var raw) || GoBool.TryParse(raw[0], out value);
    }

    /// <summary>Go's <c>strconv.Atoi</c>; codes outside 100-999 are refused as well, since no HTTP server can send them.</summary>
    private static bool TryCode(HttpRequest request, string name, int fallback, out int code)
    {
        code = fallback;
        if (!request.Query.TryGetValue(name, out var raw))
        {
            return true;
        }

        return int.TryParse(raw[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out code) && code is >= 100 and <= 999;
    }
}
