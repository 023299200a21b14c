using SecureLaunch.Core.Host;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Vault;
using SecureLaunch.Vault.Auth;

namespace SecureLaunch.Core.Preflight;

/// <summary>
/// The Vault half of <c>plan</c>: Vault reachable and unsealed (or unsealable with the spec's keys), the spec's
/// auth works, and the token may read every secret path, renew and revoke; without reading a secret, so nothing
/// is minted. A token it logs in for is revoked before it returns. It never unseals, never unwraps a wrapped
/// secret-id (that would use it up) and never deletes a secret-id file.
/// </summary>
public sealed partial class VaultPreflight
{
    private readonly IVaultClient _vault;
    private readonly ISystemEnvironment _environment;

    public VaultPreflight(IVaultClient vault, ISystemEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(environment);
        _vault = vault;
        _environment = environment;
    }

    /// <summary>Every Vault check for <paramref name="spec"/>; <paramref name="tokenSource"/> says where a given token came from.</summary>
    public async Task<IReadOnlyList<PreflightCheck>> CheckAsync(RunSpec spec, string tokenSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var checks = new List<PreflightCheck>();
        var health = await CheckHealthAsync(spec.Vault, checks, cancellationToken);
        if (health is not { Initialized: true, Sealed: false })
        {
            SkipAll(spec, checks, health is null ? "Vault could not be reached" : "Vault is not unsealed yet");
            return checks;
        }

        var login = await CheckAuthAsync(spec.Vault.Auth, tokenSource, checks, cancellationToken);
        if (login is AuthOutcome.Failed or AuthOutcome.NotTried)
        {
            SkipAll(spec, checks, login is AuthOutcome.Failed ? "the login failed" : "no token to check with (plan does not unwrap a wrapped secret-id)");
            return checks;
        }

        try
        {
            await CheckCapabilitiesAsync(spec, login is AuthOutcome.LoggedIn, checks, cancellationToken);
        }
        finally
        {
            if (login is AuthOutcome.LoggedIn)
            {
                await RevokeOwnTokenAsync(checks);
            }
        }

        return checks;
    }

    private async Task<Vault.Sys.VaultHealth?> CheckHealthAsync(VaultSettings settings, List<PreflightCheck> checks, CancellationToken cancellationToken)
    {
        var address = _vault.Address.ToString().TrimEnd('/');
        Vault.Sys.VaultHealth health;
        try
        {
            health = await _vault.GetHealthAsync(cancellationToken);
        }
        catch (VaultException ex)
        {
            checks.Add(PreflightCheck.Failed("vault", ex.Message));
            return null;
        }

        if (!health.Initialized)
        {
            checks.Add(PreflightCheck.Failed("vault", VaultConnector.NotInitialised(_vault.Address)));
        }
        else if (!health.Sealed)
        {
            checks.Add(PreflightCheck.Ok("vault", $"{address}: {health.State}, version {health.Version ?? "unknown"}"));
        }
        else if (settings.Unseal is not { } unseal)
        {
            checks.Add(PreflightCheck.Failed("vault", VaultConnector.SealedWithoutKeys(_vault.Address)));
        }
        else
        {
            try
            {
                var keys = UnsealKeys.Read(unseal, _environment);
                checks.Add(PreflightCheck.Warning("vault", $"{address}: sealed; run will unseal it with the {keys.Count} key(s) of {unseal.Location} (plan does not)"));
            }
            catch (LaunchException ex)
            {
                checks.Add(PreflightCheck.Failed("vault", ex.Message));
            }
        }

        return health;
    }

    private static void SkipAll(RunSpec spec, List<PreflightCheck> checks, string why)
    {
        if (!checks.Any(c => c.Area == "auth"))
        {
            checks.Add(PreflightCheck.Skipped("auth", why));
        }

        checks.AddRange(spec.Secrets.Select(s => PreflightCheck.Skipped($"secret {s.Name}", why)));
    }

    private async Task RevokeOwnTokenAsync(List<PreflightCheck> checks)
    {
        try
        {
            // Not the caller's token to keep: a fresh token would only wait out its TTL.
            using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _vault.RevokeSelfAsync(budget.Token);
        }
        catch (Exception ex) when (ex is VaultException or OperationCanceledException)
        {
            checks.Add(PreflightCheck.Warning("auth", $"could not revoke the token plan logged in for (it expires with its TTL): {ex.Message}"));
        }
    }

    private enum AuthOutcome
    {
        GivenToken,
        LoggedIn,
        NotTried,
        Failed,
    }
}
