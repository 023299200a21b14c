using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.Control;

/// <summary>
/// A fault as the control endpoint takes and shows it:
/// <c>{"kind":"latency","count":1,"path_prefix":"database/creds/","delay":"30s"}</c>.
/// </summary>
internal static class FaultJson
{
    private static readonly Dictionary<string, DevVaultFaultKind> Kinds = new(StringComparer.Ordinal)
    {
        ["internal_server_error"] = DevVaultFaultKind.InternalServerError,
        ["service_unavailable"] = DevVaultFaultKind.ServiceUnavailable,
        ["drop_connection"] = DevVaultFaultKind.DropConnection,
        ["latency"] = DevVaultFaultKind.Latency,
        ["seal"] = DevVaultFaultKind.Seal,
    };

    public static (DevVaultFault? Fault, int Count, string? Error) Read(JsonObject body)
    {
        var kindName = Fields.String(body, "kind");
        if (kindName is null || !Kinds.TryGetValue(kindName, out var kind))
        {
            return (null, 0, $"kind must be one of {string.Join(", ", Kinds.Keys)}");
        }

        if (!Fields.TryInt(body, "count", out var count, out _) || count < 0 || count > int.MaxValue)
        {
            return (null, 0, "count must be a positive whole number");
        }

        if (!Fields.TryDuration(body, "delay", out var delay, out _) || delay < TimeSpan.Zero)
        {
            return (null, 0, "delay must be a duration such as 250ms or 30s");
        }

        if (kind == DevVaultFaultKind.Latency && delay == TimeSpan.Zero)
        {
            return (null, 0, "a latency fault needs a delay greater than zero");
        }

        var prefix = Fields.String(body, "path_prefix");
        var fault = new DevVaultFault(kind) { Delay = delay, PathPrefix = string.IsNullOrEmpty(prefix) ? null : prefix.TrimStart('/') };
        return (fault, count == 0 ? 1 : (int)count, null);
    }

    public static JsonObject Write(DevVaultFault fault, int left)
    {
        var json = new JsonObject
        {
            ["kind"] = Kinds.First(k => k.Value == fault.Kind).Key,
            ["count"] = left,
            ["path_prefix"] = fault.PathPrefix,
        };
        if (fault.Kind == DevVaultFaultKind.Latency)
        {
            json["delay"] = fault.Delay.Ticks % TimeSpan.TicksPerSecond == 0
                ? GoDuration.Format(fault.Delay)
                : fault.Delay.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "ms";
        }

        return json;
    }
}
