using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.Http;

/// <summary>The JSON of Vault's response envelope, as written on the wire and as stored inside a wrapping token.</summary>
internal static class EnvelopeJson
{
    public static JsonObject Build(VaultResponse envelope, bool injectData)
    {
        var json = new JsonObject();
        if (injectData && envelope.Data is JsonObject data)
        {
            foreach (var (key, value) in data)
            {
                json[key] = value?.DeepClone();
            }
        }

        json["request_id"] = envelope.RequestId ?? RandomIds.Uuid();
        json["lease_id"] = envelope.LeaseId;
        json["renewable"] = envelope.Renewable;
        json["lease_duration"] = envelope.LeaseDuration;
        json["data"] = envelope.Data?.DeepClone();
        json["wrap_info"] = envelope.WrapInfo?.DeepClone();
        json["warnings"] = envelope.Warnings is { Count: > 0 } warnings ? JsonOut.Strings(warnings) : null;
        json["auth"] = envelope.Auth?.DeepClone();
        json["mount_type"] = envelope.MountType;
        return json;
    }
}
