using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Spec;
using SecureLaunch.Vault.Auth;

namespace SecureLaunch.Core.Launching;

internal sealed partial class LaunchSupervision
{
    /// <summary>
    /// The token keeper, or null for a token that never expires. Renewal is renew-self; a new login re-reads the spec's
    /// credentials (a CI system may have put a new secret id or JWT in place), falling back to the ones of the first login
    /// when they are gone (a secret id file removed after reading). The client switches to the new token once Vault
    /// accepted it and the old one is not revoked: its leases stay valid until it expires (see docs/lease-lifecycle.md).
    /// </summary>
    private TokenKeeper? CreateKeeper(AuthSettings auth, VaultConnection connection)
    {
        var (vault, time, logger) = (_context.Vault, _context.TimeProvider, _context.Logger);
        var initial = new TokenLifetime(connection.Ttl, connection.Renewable, connection.ObtainedAt ?? time.GetUtcNow());
        if (initial.ExpiresAt is null)
        {
            Log.TokenNeverExpires(logger);
            return null;
        }

        Log.TokenKept(logger, initial.Ttl, initial.Renewable ? "renewable" : "not renewable");
        return new TokenKeeper(
            initial,
            async cancellationToken =>
            {
                var granted = await vault.RenewSelfAsync(null, cancellationToken);
                return new TokenLifetime(granted.LeaseDuration, granted.Renewable, granted.ObtainedAt);
            },
            cancellationToken => LogInAgainAsync(auth, connection.Method, cancellationToken),
            _supervisor.TokenReplaced,
            new TokenKeeperOptions { TimeProvider = time },
            logger);
    }

    private async Task<TokenLifetime> LogInAgainAsync(AuthSettings auth, VaultAuthMethod? first, CancellationToken cancellationToken)
    {
        if (first is null)
        {
            throw new LaunchException(
                "the Vault token was given (auth method token), so SecureLaunch cannot log in again when it expires; its leases die with it. "
                + "Give a periodic or longer-lived token, or let SecureLaunch log in (vault.auth.method)");
        }

        VaultAuthMethod method;
        try
        {
            method = AuthMethodFactory.Create(auth, _context.Environment) ?? first;
        }
        catch (LaunchException)
        {
            method = first;
        }

        var login = await _context.Vault.LoginAsync(method, cancellationToken);
        _context.Vault.SetToken(login.ClientToken);
        Log.LoggedIn(_context.Logger, method.ToString(), login.Accessor, string.Join(",", login.Policies), (int)login.LeaseDuration.TotalSeconds);
        return new TokenLifetime(login.LeaseDuration, login.Renewable, login.ObtainedAt);
    }
}
