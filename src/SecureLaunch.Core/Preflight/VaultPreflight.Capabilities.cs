using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Spec;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Preflight;

public sealed partial class VaultPreflight
{
    /// <summary>What a launch does with its token besides reading secrets, and what it costs when the token may not.</summary>
    private static readonly (string Path, string Consequence)[] LifecyclePaths =
    [
        ("sys/leases/renew", "leases cannot be renewed, so dynamic credentials are re-issued when their TTL runs out"),
        ("sys/leases/revoke", "leases cannot be revoked one by one at the end; they are revoked with the token"),
    ];

    private async Task CheckCapabilitiesAsync(RunSpec spec, bool ownToken, List<PreflightCheck> checks, CancellationToken cancellationToken)
    {
        var resolved = new List<(SecretDefinition Secret, string ApiPath)>();
        foreach (var secret in spec.Secrets)
        {
            try
            {
                resolved.Add((secret, await _vault.ResolveSecretPathAsync(SecretFetcher.RequestFor(secret), cancellationToken)));
            }
            catch (VaultException ex)
            {
                checks.Add(PreflightCheck.Failed($"secret {secret.Name}", $"{secret.Location}: secret '{secret.Name}' ({secret.Path}): {ex.Message}"));
            }
        }

        var lifecycle = ownToken && spec.Secrets.Count > 0 ? LifecyclePaths.Select(p => p.Path) : [];
        var paths = resolved.Select(r => r.ApiPath).Concat(lifecycle).Distinct(StringComparer.Ordinal).ToList();
        if (paths.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, IReadOnlyList<string>> capabilities;
        try
        {
            capabilities = await _vault.GetCapabilitiesSelfAsync(paths, cancellationToken);
        }
        catch (VaultException ex)
        {
            checks.AddRange(resolved.Select(r => PreflightCheck.Failed($"secret {r.Secret.Name}", $"sys/capabilities-self: {ex.Message}")));
            return;
        }

        foreach (var (secret, apiPath) in resolved)
        {
            checks.Add(SecretCheck(secret, apiPath, capabilities.GetValueOrDefault(apiPath) ?? []));
        }

        foreach (var (path, consequence) in LifecyclePaths.Where(p => paths.Contains(p.Path)))
        {
            if (!Allows(capabilities.GetValueOrDefault(path) ?? [], "update"))
            {
                checks.Add(PreflightCheck.Warning("auth", $"the token may not update {path}: {consequence}"));
            }
        }
    }

    private static PreflightCheck SecretCheck(SecretDefinition secret, string apiPath, IReadOnlyList<string> capabilities)
    {
        var area = $"secret {secret.Name}";
        var needed = secret.Method == "GET" ? "read" : "update";
        var granted = capabilities.Count == 0 ? "none" : string.Join(",", capabilities);
        var kv = string.Equals(apiPath, secret.Path, StringComparison.Ordinal) ? string.Empty : " (KV v2)";
        return Allows(capabilities, needed)
            ? PreflightCheck.Ok(area, $"{secret.Method} {apiPath}{kv}: allowed ({granted})")
            : PreflightCheck.Failed(area, $"{secret.Location}: secret '{secret.Name}': the token may not {needed} {apiPath} (it has: {granted}); grant \"{needed}\" on that path in one of its policies");
    }

    /// <summary>Vault's rule: deny wins, root allows everything, and a write may be a create or an update.</summary>
    private static bool Allows(IReadOnlyList<string> capabilities, string needed) =>
        !capabilities.Contains("deny")
        && (capabilities.Contains("root") || capabilities.Contains(needed) || (needed == "update" && capabilities.Contains("create")));
}
