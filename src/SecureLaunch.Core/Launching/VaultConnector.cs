using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Host;
using SecureLaunch.Core.Spec;
using SecureLaunch.Vault;
using SecureLaunch.Vault.Auth;

namespace SecureLaunch.Core.Launching;

/// <summary>
/// Gets a launch a working Vault session: checks health, unseals when Vault says it is sealed and the
/// spec has keys, logs in with the spec's auth method (or checks the given token), and records a token
/// it created so the session revokes it at the end.
/// </summary>
internal sealed class VaultConnector(IVaultClient vault, ISystemEnvironment environment, ILogger logger)
{
    public async Task<VaultConnection> ConnectAsync(VaultSettings settings, LaunchSession session, string tokenSource, CancellationToken cancellationToken)
    {
        var health = await vault.GetHealthAsync(cancellationToken);
        if (!health.Initialized)
        {
            throw new LaunchException(NotInitialised(vault.Address));
        }

        if (health.Sealed)
        {
            await UnsealAsync(settings, cancellationToken);
        }

        Log.VaultHealthy(logger, vault.Address, health.State, health.Version);
        if (await LogInAsync(vault, settings.Auth, environment, cancellationToken) is var (method, login))
        {
            session.CreatedToken = true;
            session.TokenAccessor = login.Accessor;
            Log.LoggedIn(logger, method.ToString(), login.Accessor, string.Join(",", login.Policies), (int)login.LeaseDuration.TotalSeconds);
            return new VaultConnection(method, login.LeaseDuration, login.Renewable, login.ObtainedAt);
        }

        var token = await vault.LookupSelfAsync(cancellationToken);
        session.TokenAccessor = token.Accessor;
        Log.Authenticated(logger, tokenSource, token.Accessor, string.Join(",", token.Policies));
        return new VaultConnection(null, token.Ttl, token.Renewable, null);
    }

    /// <summary>
    /// Logs in with the spec's auth method and switches <paramref name="vault"/> to the new token; null when the method
    /// is a given token (nothing to log in with). The token is the caller's to revoke.
    /// </summary>
    /// <exception cref="LaunchException">Vault refused the login; the message names the spec's auth section.</exception>
    internal static async Task<(VaultAuthMethod Method, VaultLogin Login)?> LogInAsync(IVaultClient vault, AuthSettings auth, ISystemEnvironment environment, CancellationToken cancellationToken)
    {
        if (AuthMethodFactory.Create(auth, environment) is not { } method)
        {
            return null;
        }

        try
        {
            var login = await vault.LoginAsync(method, cancellationToken);
            vault.SetToken(login.ClientToken);
            return (method, login);
        }
        catch (VaultException ex)
        {
            throw new LaunchException($"{auth.Location}: vault login with {method}: {ex.Message}", ex);
        }
    }

    /// <summary>Why a launch cannot use a Vault that was never initialised, and what to do; <c>plan</c> says the same.</summary>
    internal static string NotInitialised(Uri address) =>
        $"vault {address}: not initialised; initialise it with securelaunch vault init before launching";

    /// <summary>Why a launch cannot use a sealed Vault without unseal keys, and what to do; <c>plan</c> says the same.</summary>
    internal static string SealedWithoutKeys(Uri address) =>
        $"vault {address}: sealed, and the spec has no vault.unseal keys; unseal it with securelaunch vault unseal, or add vault.unseal.keysFile to the spec";

    private async Task UnsealAsync(VaultSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Unseal is not { } unseal)
        {
            throw new LaunchException(SealedWithoutKeys(vault.Address));
        }

        var keys = UnsealKeys.Read(unseal, environment);
        var status = await vault.GetSealStatusAsync(cancellationToken);
        foreach (var key in keys)
        {
            if (!status.Sealed)
            {
                break;
            }

            status = await vault.UnsealAsync(key, cancellationToken);
            Log.UnsealProgress(logger, vault.Address, status.Sealed ? status.Progress : status.Threshold, status.Threshold);
        }

        if (status.Sealed)
        {
            throw new LaunchException($"{unseal.Location}: vault {vault.Address} is still sealed after {keys.Count} key(s) (progress {status.Progress}/{status.Threshold})");
        }
    }
}
