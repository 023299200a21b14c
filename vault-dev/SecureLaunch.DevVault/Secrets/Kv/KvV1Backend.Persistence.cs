using System.Text.Json.Nodes;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Secrets.Kv;

/// <summary>KV v1 secrets in the snapshot.</summary>
internal sealed partial class KvV1Backend : IPersistent
{
    public string SnapshotKey => "kv1:" + Prefix;

    public JsonNode Export()
    {
        var result = new JsonObject();
        foreach (var (path, data) in _secrets)
        {
            result[path] = data.DeepClone();
        }

        return result;
    }

    public void Import(JsonNode? data)
    {
        _secrets.Clear();
        foreach (var (path, secret) in data as JsonObject ?? [])
        {
            _secrets[path] = (JsonObject)secret!.DeepClone();
        }
    }
}
