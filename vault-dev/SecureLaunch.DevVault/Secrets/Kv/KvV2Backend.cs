using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;

namespace SecureLaunch.DevVault.Secrets.Kv;

/// <summary>KV version 2 at <c>secret/</c>: <c>data/</c>, <c>metadata/</c>, <c>delete/</c>, <c>undelete/</c>, <c>destroy/</c> and <c>config</c>.</summary>
/// <remarks>
/// Read: 200 with <c>data.data</c> and <c>data.metadata</c>; 404 <c>{"errors":[]}</c> when missing; 404 with the envelope when the version is deleted.
/// Write: 200 with the version metadata; 400 on a check-and-set mismatch. Paths outside those prefixes: 404 with Vault's "Invalid path" warning.
/// </remarks>
internal sealed partial class KvV2Backend(string prefix) : IVaultBackend
{
    private readonly Dictionary<string, KvV2Secret> _secrets = new(StringComparer.Ordinal);
    private int _engineMaxVersions;
    private bool _engineCasRequired;

    public string Prefix => prefix;

    public void Seed(string path, IReadOnlyDictionary<string, string> fields, DateTimeOffset now)
    {
        var data = new JsonObject();
        foreach (var (key, value) in fields)
        {
            data[key] = value;
        }

        AddVersion(path, data, now);
    }

    /// <summary>Writes to <c>data/</c> and <c>metadata/</c> of a missing secret need <c>create</c>, of an existing one <c>update</c>.</summary>
    public bool? Exists(VaultRequest request, string subPath)
    {
        var (area, path) = Split(subPath);
        return area is "data" or "metadata" ? _secrets.ContainsKey(path) : null;
    }

    public VaultResult Handle(VaultRequest request, string subPath)
    {
        var (area, path) = Split(subPath);
        return (area, request.Operation) switch
        {
            ("data", VaultOperation.Read) => Read(request, path),
            ("data", VaultOperation.Update) => Write(request, path),
            ("data", VaultOperation.Delete) => DeleteLatest(request, path),
            ("metadata", VaultOperation.Read) => ReadMetadata(path),
            ("metadata", VaultOperation.List) => ListKeys(path),
            ("metadata", VaultOperation.Update) => WriteMetadata(request, path),
            ("metadata", VaultOperation.Delete) => DeleteMetadata(path),
            ("delete", VaultOperation.Update) => MarkVersions(request, path, v => v.DeletedAt ??= request.Now),
            ("undelete", VaultOperation.Update) => MarkVersions(request, path, v => v.DeletedAt = null),
            ("destroy", VaultOperation.Update) => MarkVersions(request, path, Destroy),
            ("config", VaultOperation.Read) when path.Length == 0 => ReadConfig(),
            ("config", VaultOperation.Update) when path.Length == 0 => WriteConfig(request),
            ("data" or "metadata" or "delete" or "undelete" or "destroy" or "config", _) => VaultError.UnsupportedOperation,
            _ => InvalidPath(request.Operation),
        };
    }

    private VaultResult Read(VaultRequest request, string path)
    {
        if (!Fields.TryInt(request.Data, "version", out var wanted, out var error))
        {
            return error!;
        }

        if (!_secrets.TryGetValue(path, out var secret))
        {
            return VaultError.NotFound;
        }

        var number = wanted > 0 ? (int)wanted : secret.CurrentVersion;
        if (!secret.Versions.TryGetValue(number, out var version))
        {
            return VaultError.NotFound;
        }

        var data = new JsonObject
        {
            ["data"] = version.Readable ? version.Data!.DeepClone() : null,
            ["metadata"] = KvV2Json.VersionMetadata(secret, version),
        };
        return new VaultResponse { Data = data, MountType = "kv", StatusCode = version.Readable ? 200 : 404 };
    }

    private VaultResult Write(VaultRequest request, string path)
    {
        if (request.Data["data"] is not JsonObject data)
        {
            return VaultError.BadRequest("no data provided");
        }

        var options = request.Data["options"] as JsonObject ?? [];
        if (!Fields.TryInt(options, "cas", out var cas, out var error))
        {
            return error!;
        }

        _secrets.TryGetValue(path, out var existing);
        if (!options.ContainsKey("cas") && (_engineCasRequired || existing?.CasRequired == true))
        {
            return VaultError.BadRequest("check-and-set parameter required for this call");
        }

        if (options.ContainsKey("cas") && cas != (existing?.CurrentVersion ?? 0))
        {
            return VaultError.BadRequest("check-and-set parameter did not match the current version");
        }

        var (secret, version) = AddVersion(path, (JsonObject)data.DeepClone(), request.Now);
        return new VaultResponse { Data = KvV2Json.VersionMetadata(secret, version), MountType = "kv" };
    }

    private VaultNoContent DeleteLatest(VaultRequest request, string path)
    {
        if (_secrets.TryGetValue(path, out var secret) && secret.Versions.TryGetValue(secret.CurrentVersion, out var latest))
        {
            latest.DeletedAt ??= request.Now;
        }

        return VaultNoContent.Instance;
    }

    private (KvV2Secret Secret, KvV2Version Version) AddVersion(string path, JsonObject data, DateTimeOffset now)
    {
        if (!_secrets.TryGetValue(path, out var secret))
        {
            secret = new KvV2Secret { CreatedAt = now };
            _secrets[path] = secret;
        }

        var version = new KvV2Version { Number = secret.CurrentVersion + 1, CreatedAt = now, Data = data };
        secret.Versions[version.Number] = version;
        secret.CurrentVersion = version.Number;
        secret.UpdatedAt = now;
        secret.Prune(_engineMaxVersions);
        return (secret, version);
    }

    /// <summary>Splits <c>data/app/db</c> into the area (<c>data</c>) and the key path (<c>app/db</c>).</summary>
    private static (string Area, string Path) Split(string subPath)
    {
        var slash = subPath.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (subPath, string.Empty) : (subPath[..slash], subPath[(slash + 1)..]);
    }

    private static VaultResponse InvalidPath(VaultOperation operation)
    {
        var verb = operation switch
        {
            VaultOperation.Read => "get",
            VaultOperation.List => "list",
            VaultOperation.Delete => "delete",
            _ => "put",
        };
        var warning = "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. "
            + $"If using the Vault CLI, use 'vault kv {verb}' for this operation.";
        return new VaultResponse { StatusCode = 404, Warnings = [warning], MountType = "kv" };
    }
}
