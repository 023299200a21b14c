using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Secrets.Kv;

/// <summary>KV version 1 at <c>kv/</c>: GET, POST/PUT, DELETE and LIST per the kv-v1 page.</summary>
/// <remarks>
/// Reads carry no lease: lease_id is empty and lease_duration is advisory, from a <c>ttl</c> field or else the mount default (768h).
/// 200 read/list, 204 write/delete, 404 <c>{"errors":[]}</c> for a missing secret or empty folder, 400 for a write without fields.
/// </remarks>
internal sealed partial class KvV1Backend(string prefix) : IVaultBackend
{
    private readonly Dictionary<string, JsonObject> _secrets = new(StringComparer.Ordinal);

    public string Prefix => prefix;

    public void Seed(string path, IReadOnlyDictionary<string, string> fields)
    {
        var data = new JsonObject();
        foreach (var (key, value) in fields)
        {
            data[key] = value;
        }

        _secrets[path] = data;
    }

    /// <summary>A write to a missing secret needs <c>create</c>, to an existing one <c>update</c>.</summary>
    public bool? Exists(VaultRequest request, string subPath) => _secrets.ContainsKey(subPath);

    public VaultResult Handle(VaultRequest request, string subPath) => request.Operation switch
    {
        VaultOperation.Read => Read(subPath),
        VaultOperation.List => List(subPath),
        VaultOperation.Update => Write(request, subPath),
        VaultOperation.Delete => Delete(subPath),
        _ => VaultError.UnsupportedOperation,
    };

    private VaultResult Read(string path)
    {
        if (!_secrets.TryGetValue(path, out var data))
        {
            return VaultError.NotFound;
        }

        var ttl = SystemDefaults.DefaultLeaseTtl;
        var advisory = Fields.String(data, "ttl") ?? Fields.String(data, "lease");
        if (advisory is not null && GoDuration.TryParse(advisory, out var parsed))
        {
            ttl = parsed;
        }

        return new VaultResponse { Data = data.DeepClone(), LeaseDuration = (long)ttl.TotalSeconds, MountType = "kv" };
    }

    private VaultResult List(string folder)
    {
        var keys = KeyLister.Children(_secrets.Keys, folder);
        return keys.Count == 0 ? VaultError.NotFound : new VaultResponse { Data = JsonOut.Keys(keys), MountType = "kv" };
    }

    private VaultResult Write(VaultRequest request, string path)
    {
        if (request.Data.Count == 0)
        {
            return VaultError.BadRequest("missing data fields");
        }

        var advisory = Fields.String(request.Data, "ttl");
        if (advisory is not null && !GoDuration.TryParse(advisory, out _))
        {
            return VaultError.BadRequest($"failed to parse TTL \"{advisory}\"");
        }

        if (path.Length == 0)
        {
            return VaultError.UnsupportedOperation;
        }

        _secrets[path] = (JsonObject)request.Data.DeepClone();
        return VaultNoContent.Instance;
    }

    private VaultNoContent Delete(string path)
    {
        _secrets.Remove(path);
        return VaultNoContent.Instance;
    }
}
