using System.Text.Json;
using Microsoft.Extensions.Logging;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Secrets;

/// <summary>
/// <see cref="IVaultClient.ReadSecretAsync"/>: finds the mount, then reads KV v2, KV v1 or a logical path.
/// </summary>
internal sealed class SecretReader
{
    private readonly KvMountResolver _mounts;
    private readonly KvEndpoint _kv;
    private readonly LogicalEndpoint _logical;
    private readonly ILogger _logger;

    public SecretReader(KvMountResolver mounts, KvEndpoint kv, LogicalEndpoint logical, ILogger logger)
    {
        _mounts = mounts;
        _kv = kv;
        _logical = logical;
        _logger = logger;
    }

    public async Task<VaultSecret> ReadAsync(SecretRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = VaultPath.Normalize(request.Path, nameof(request));
        var body = Validate(request, path);

        var mount = await _mounts.ResolveAsync(path, cancellationToken);
        if (mount?.KvVersion is not null && request.Method != HttpMethod.Get)
        {
            throw new ArgumentException($"'{path}' is on a KV mount, which is read with GET; {request.Method} would write it.", nameof(request));
        }

        if (request.Version is not null && mount?.KvVersion != 2)
        {
            throw new ArgumentException($"A version was asked for '{path}', which is not on a KV v2 mount.", nameof(request));
        }

        var secret = mount?.KvVersion switch
        {
            2 => await _kv.ReadV2Async(path, mount, request.Version, cancellationToken),
            1 => await _kv.ReadV1Async(path, cancellationToken),
            _ => await _logical.ReadAsync(path, request.Method, body, cancellationToken),
        };

        if (secret.Warnings.Count > 0)
        {
            // A backend's warning never should quote a value, but a plugin may: drop any before it is logged or kept.
            secret = secret with { Warnings = VaultErrors.Redact(secret.Warnings, StringValues(secret.Data)) };
            Log.ResponseWarnings(_logger, request.Method.Method, path, secret.Warnings.Count, string.Join("; ", secret.Warnings));
        }

        Log.SecretRead(_logger, path, secret.KvVersion, secret.Lease is not null);
        return secret;
    }

    /// <summary>The secret's string values long enough to be worth hiding (a 1-3 character value would mangle any text).</summary>
    private static string[] StringValues(IReadOnlyDictionary<string, JsonElement> data) =>
        data.Values.Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).Where(v => v.Length >= 4).ToArray();

    /// <summary>The API path a read of <paramref name="request"/> goes to: KV v2 adds <c>data/</c> after the mount.</summary>
    public async Task<string> ResolvePathAsync(SecretRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = VaultPath.Normalize(request.Path, nameof(request));
        var mount = await _mounts.ResolveAsync(path, cancellationToken);
        return mount?.KvVersion == 2 ? KvPaths.V2DataPath(path, mount.MountPath) : path;
    }

    /// <summary>The body's bytes for POST/PUT; refuses a body on GET and anything but a JSON object.</summary>
    private static byte[]? Validate(SecretRequest request, string path)
    {
        var method = request.Method;
        if (method != HttpMethod.Get && method != HttpMethod.Post && method != HttpMethod.Put)
        {
            throw new ArgumentException($"Secrets are read with GET, POST or PUT, not {method} ('{path}').", nameof(request));
        }

        if (request.Body is not { } body)
        {
            return method == HttpMethod.Get ? null : "{}"u8.ToArray();
        }

        if (method == HttpMethod.Get)
        {
            throw new ArgumentException($"A body is sent only with POST or PUT ('{path}').", nameof(request));
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"The body for '{path}' must be a JSON object, not {body.ValueKind}.", nameof(request));
        }

        return JsonSerializer.SerializeToUtf8Bytes(body, VaultJsonContext.Default.JsonElement);
    }
}
