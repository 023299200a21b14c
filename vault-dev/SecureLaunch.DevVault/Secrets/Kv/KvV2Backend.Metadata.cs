using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;

namespace SecureLaunch.DevVault.Secrets.Kv;

/// <summary>Key metadata, version marking and engine config.</summary>
internal sealed partial class KvV2Backend
{
    private VaultResult ReadMetadata(string path) =>
        path.Length > 0 && _secrets.TryGetValue(path, out var secret)
            ? new VaultResponse { Data = KvV2Json.KeyMetadata(secret), MountType = "kv" }
            : VaultError.NotFound;

    private VaultResult ListKeys(string folder)
    {
        var keys = KeyLister.Children(_secrets.Keys, folder);
        return keys.Count == 0 ? VaultError.NotFound : new VaultResponse { Data = JsonOut.Keys(keys), MountType = "kv" };
    }

    private VaultResult WriteMetadata(VaultRequest request, string path)
    {
        var data = request.Data;
        if (!Fields.TryInt(data, "max_versions", out var maxVersions, out var error)
            || !Fields.TryBool(data, "cas_required", false, out var casRequired, out error)
            || !Fields.TryDuration(data, "delete_version_after", out var deleteAfter, out error))
        {
            return error!;
        }

        if (!_secrets.TryGetValue(path, out var secret))
        {
            secret = new KvV2Secret { CreatedAt = request.Now, UpdatedAt = request.Now };
            _secrets[path] = secret;
        }

        secret.MaxVersions = data.ContainsKey("max_versions") ? (int)maxVersions : secret.MaxVersions;
        secret.CasRequired = data.ContainsKey("cas_required") ? casRequired : secret.CasRequired;
        secret.DeleteVersionAfter = data.ContainsKey("delete_version_after") ? Internal.GoDuration.Format(deleteAfter) : secret.DeleteVersionAfter;
        secret.CustomMetadata = Fields.StringMap(data, "custom_metadata") ?? secret.CustomMetadata;
        secret.UpdatedAt = request.Now;
        secret.Prune(_engineMaxVersions);
        return VaultNoContent.Instance;
    }

    private VaultNoContent DeleteMetadata(string path)
    {
        _secrets.Remove(path);
        return VaultNoContent.Instance;
    }

    /// <summary><c>delete/</c>, <c>undelete/</c> and <c>destroy/</c>: apply to each listed version that exists.</summary>
    private VaultResult MarkVersions(VaultRequest request, string path, Action<KvV2Version> mark)
    {
        if (request.Data["versions"] is not JsonArray versions || versions.Count == 0)
        {
            return VaultError.BadRequest("no version number provided");
        }

        if (!_secrets.TryGetValue(path, out var secret))
        {
            return VaultNoContent.Instance;
        }

        foreach (var node in versions)
        {
            if (node is JsonValue value && int.TryParse(value.ToString(), out var number) && secret.Versions.TryGetValue(number, out var version))
            {
                mark(version);
            }
        }

        return VaultNoContent.Instance;
    }

    private static void Destroy(KvV2Version version)
    {
        version.Destroyed = true;
        version.Data = null;
    }

    private VaultResponse ReadConfig() => new()
    {
        Data = new JsonObject
        {
            ["cas_required"] = _engineCasRequired,
            ["delete_version_after"] = "0s",
            ["max_versions"] = _engineMaxVersions,
        },
        MountType = "kv",
    };

    private VaultResult WriteConfig(VaultRequest request)
    {
        if (!Fields.TryInt(request.Data, "max_versions", out var maxVersions, out var error)
            || !Fields.TryBool(request.Data, "cas_required", _engineCasRequired, out var casRequired, out error))
        {
            return error!;
        }

        _engineMaxVersions = request.Data.ContainsKey("max_versions") ? (int)maxVersions : _engineMaxVersions;
        _engineCasRequired = casRequired;
        return VaultNoContent.Instance;
    }
}
