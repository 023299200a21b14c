using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.Secrets.Kv;

/// <summary>The KV v2 page's shapes: version metadata and key metadata.</summary>
internal static class KvV2Json
{
    public static JsonObject VersionMetadata(KvV2Secret secret, KvV2Version version) => new()
    {
        ["created_time"] = GoTime.Rfc3339(version.CreatedAt),
        ["custom_metadata"] = JsonOut.StringMap(secret.CustomMetadata),
        ["deletion_time"] = version.DeletedAt is { } deleted ? GoTime.Rfc3339(deleted) : string.Empty,
        ["destroyed"] = version.Destroyed,
        ["version"] = version.Number,
    };

    public static JsonObject KeyMetadata(KvV2Secret secret)
    {
        var versions = new JsonObject();
        foreach (var version in secret.Versions.Values)
        {
            versions[version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["created_time"] = GoTime.Rfc3339(version.CreatedAt),
                ["deletion_time"] = version.DeletedAt is { } deleted ? GoTime.Rfc3339(deleted) : string.Empty,
                ["destroyed"] = version.Destroyed,
            };
        }

        return new JsonObject
        {
            ["cas_required"] = secret.CasRequired,
            ["created_time"] = GoTime.Rfc3339(secret.CreatedAt),
            ["current_version"] = secret.CurrentVersion,
            ["custom_metadata"] = JsonOut.StringMap(secret.CustomMetadata),
            ["delete_version_after"] = secret.DeleteVersionAfter,
            ["max_versions"] = secret.MaxVersions,
            ["oldest_version"] = secret.OldestVersion,
            ["updated_time"] = GoTime.Rfc3339(secret.UpdatedAt),
            ["versions"] = versions,
        };
    }
}
