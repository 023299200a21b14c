using SecureLaunch.Core.Host;
using SecureLaunch.Core.Spec;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Launching;

/// <summary>The client's TLS options from the spec's <c>vault.tls</c>, else from <c>VAULT_CACERT</c> and <c>VAULT_SKIP_VERIFY</c> as the Vault CLI reads them.</summary>
public static class VaultTls
{
    public static VaultTlsOptions? Resolve(TlsSettings? settings, ISystemEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var caFile = settings?.CaCertificateFile ?? NullIfEmpty(environment.GetVariable("VAULT_CACERT"));
        var skip = settings?.SkipVerify ?? IsTrue(environment.GetVariable("VAULT_SKIP_VERIFY"));
        if (caFile is null && !skip)
        {
            return null;
        }

        var path = caFile is null ? null : Path.GetFullPath(caFile, environment.CurrentDirectory);
        if (path is not null && !environment.FileExists(path))
        {
            throw new LaunchException($"Vault CA certificate {caFile} (vault.tls.caCert or VAULT_CACERT): no such file");
        }

        return new VaultTlsOptions { CaCertificateFile = path, SkipVerify = skip };
    }

    private static bool IsTrue(string? value) => value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
