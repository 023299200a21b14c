using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Sys;

/// <summary>One mount as <c>sys/mounts</c> lists it (Vault's <c>mountInfo</c>).</summary>
internal static class MountInfo
{
    public static JsonObject Json(MountEntry mount, bool auth = false)
    {
        var info = new JsonObject
        {
            ["accessor"] = mount.Accessor,
            ["config"] = new JsonObject
            {
                ["default_lease_ttl"] = 0,
                ["force_no_cache"] = false,
                ["max_lease_ttl"] = 0,
            },
        };
        if (auth)
        {
            info["config"]!["token_type"] = "default-service";
        }

        if (mount.IsPlugin)
        {
            info["deprecation_status"] = "supported";
        }

        info["description"] = mount.Description;
        info["external_entropy_access"] = false;
        info["local"] = mount.Local;
        info["options"] = JsonOut.StringMap(mount.Options);
        info["plugin_version"] = string.Empty;
        info["running_plugin_version"] = mount.RunningPluginVersion;
        info["running_sha256"] = string.Empty;
        info["seal_wrap"] = false;
        info["type"] = mount.Type;
        info["uuid"] = mount.Uuid;
        return info;
    }
}
