using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Vault;
using SecureLaunch.Vault.Auth;

namespace SecureLaunch.Core.Preflight;

public sealed partial class VaultPreflight
{
    /// <summary>A token that expires sooner than this without being renewable would end a typical launch early.</summary>
    private static readonly TimeSpan ShortToken = TimeSpan.FromMinutes(10);

    private async Task<AuthOutcome> CheckAuthAsync(AuthSettings auth, string tokenSource, List<PreflightCheck> checks, CancellationToken cancellationToken)
    {
        if (auth.Method is AuthMethod.AppRole && auth.SecretIdWrapped)
        {
            checks.Add(await CheckWrappedSecretIdAsync(auth, cancellationToken));
            return AuthOutcome.NotTried;
        }

        try
        {
            // Plan reads a secret-id file but never deletes it: the run that follows needs it.
            if (AuthMethodFactory.Create(auth with { RemoveSecretIdFile = false }, _environment) is { } method)
            {
                var login = await _vault.LoginAsync(method, cancellationToken);
                _vault.SetToken(login.ClientToken);
                checks.Add(TokenCheck($"logged in with {method} (accessor {login.Accessor}, policies {string.Join(",", login.Policies)})", login.LeaseDuration, login.Renewable));
                return AuthOutcome.LoggedIn;
            }

            var token = await _vault.LookupSelfAsync(cancellationToken);
            checks.Add(TokenCheck($"token from {tokenSource} (accessor {token.Accessor}, policies {string.Join(",", token.Policies)})", token.Ttl, token.Renewable));
            return AuthOutcome.GivenToken;
        }
        catch (LaunchException ex)
        {
            checks.Add(PreflightCheck.Failed("auth", ex.Message));
        }
        catch (VaultException ex)
        {
            checks.Add(PreflightCheck.Failed("auth", $"{auth.Location}: vault {(auth.Method is AuthMethod.Token ? "token lookup" : "login")}: {ex.Message}"));
        }

        return AuthOutcome.Failed;
    }

    private static PreflightCheck TokenCheck(string who, TimeSpan ttl, bool renewable)
    {
        if (ttl <= TimeSpan.Zero)
        {
            return PreflightCheck.Ok("auth", $"{who}; the token does not expire");
        }

        var life = $"ttl {Durations.Format(ttl)}, {(renewable ? "renewable" : "not renewable")}";
        return !renewable && ttl < ShortToken
            ? PreflightCheck.Warning("auth", $"{who}; {life}: a launch longer than that loses its Vault session")
            : PreflightCheck.Ok("auth", $"{who}; {life}");
    }

    /// <summary>Looks the wrapping token up (which does not use it up) instead of unwrapping it.</summary>
    private async Task<PreflightCheck> CheckWrappedSecretIdAsync(AuthSettings auth, CancellationToken cancellationToken)
    {
        try
        {
            var wrapping = CredentialReader.Read(auth.SecretId!, _environment);
            var info = await _vault.LookupWrappingTokenAsync(wrapping, cancellationToken);
            if (!info.CreationPath.EndsWith("/secret-id", StringComparison.Ordinal))
            {
                return PreflightCheck.Failed("auth", $"{auth.SecretId!.Location}: the wrapped secret-id was created by {info.CreationPath}, not by an AppRole secret-id endpoint; refusing to unwrap what may have been tampered with");
            }

            var until = info.ExpiresAt is { } expires ? $", valid until {expires:u}" : string.Empty;
            return PreflightCheck.Warning("auth", $"approle: wrapped secret-id from {info.CreationPath}{until}; login not tried, since unwrapping would use it up, so token capabilities are not checked");
        }
        catch (LaunchException ex)
        {
            return PreflightCheck.Failed("auth", ex.Message);
        }
        catch (VaultException ex)
        {
            return PreflightCheck.Failed("auth", $"{auth.SecretId!.Location}: the wrapped secret-id: {ex.Message} (already unwrapped, expired, or not a wrapping token)");
        }
    }
}
