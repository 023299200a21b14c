using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SecureLaunch.Vault.Json;
using SecureLaunch.Vault.Sys;

namespace SecureLaunch.Vault.Secrets;

/// <summary>
/// Finds the mount holding a path and whether it is KV v1 or v2, asking Vault once per mount for the client's
/// life (mount types do not change under a running launch; a new client sees a remount).
/// </summary>
internal sealed class KvMountResolver
{
    private readonly ConcurrentDictionary<string, KvMount> _mounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _unknownPaths = new(StringComparer.Ordinal);
    private readonly MountsEndpoint _endpoint;
    private readonly ILogger _logger;

    public KvMountResolver(MountsEndpoint endpoint, ILogger logger)
    {
        _endpoint = endpoint;
        _logger = logger;
    }

    /// <summary>The mount holding <paramref name="path"/>, or null when Vault would not say (read it as a plain path).</summary>
    public async Task<KvMount?> ResolveAsync(string path, CancellationToken cancellationToken)
    {
        if (Cached(path) is { } cached)
        {
            return cached;
        }

        if (_unknownPaths.ContainsKey(path))
        {
            return null;
        }

        var (info, status) = await _endpoint.GetAsync(path, cancellationToken);
        var relative = info is null ? null : KvPaths.RelativeMount(path, info.Path ?? string.Empty);
        if (info is null || relative is null)
        {
            Log.MountLookupFallback(_logger, path, (int)status);
            _unknownPaths.TryAdd(path, true);
            return null;
        }

        var mount = new KvMount(relative, info.Type ?? string.Empty, KvVersionOf(info));
        _mounts[relative] = mount;
        Log.MountDetected(_logger, path, relative, mount.Type, mount.KvVersion);
        return mount;
    }

    /// <summary>After a token change: paths whose mount lookup was refused may be visible to the new token.</summary>
    public void ForgetRefusedPaths() => _unknownPaths.Clear();

    /// <summary>KV (or its old name, generic) is v2 when <c>options.version</c> is "2", v1 otherwise; other engines are not KV.</summary>
    internal static int? KvVersionOf(MountInfo info)
    {
        if (info.Type is not ("kv" or "generic"))
        {
            return null;
        }

        var version = info.Options?.GetValueOrDefault("version");
        return version switch
        {
            { ValueKind: JsonValueKind.String } v when v.GetString() == "2" => 2,
            { ValueKind: JsonValueKind.Number } v when v.TryGetInt32(out var n) && n == 2 => 2,
            _ => 1,
        };
    }

    // The longest cached mount wins: secret/ and secret/team/ can both be mounts.
    private KvMount? Cached(string path) =>
        _mounts.Values.Where(m => m.Contains(path)).MaxBy(m => m.MountPath.Length);
}
