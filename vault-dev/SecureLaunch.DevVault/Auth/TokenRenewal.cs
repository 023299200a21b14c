using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Leases;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth;

/// <summary>Token renewal: the increment (or the creation TTL) capped at the explicit max TTL and the issuer's (or system) max from creation; a periodic token gets its period again.</summary>
internal static class TokenRenewal
{
    /// <summary>Renews with the given period and explicit max TTL: the token's own, or its role's.</summary>
    public static VaultResult Renew(VaultRequest request, TokenEntry token, TimeSpan period, TimeSpan explicitMaxTtl, UsageCounters counters)
    {
        if (!Fields.TryDuration(request.Data, "increment", out var increment, out var error))
        {
            return error!;
        }

        if (token.ExpiresAt is null)
        {
            // Root and other TTL-less tokens have no lease to renew.
            return VaultError.BadRequest("lease not found");
        }

        if (!token.Renewable)
        {
            return VaultError.BadRequest("lease is not renewable");
        }

        var outcome = period > TimeSpan.Zero
            ? TtlCalculator.Periodic(request.Now, period, explicitMaxTtl, token.CreatedAt)
            : TtlCalculator.Renewal(request.Now, increment, token.CreationTtl, token.MaxTtl, explicitMaxTtl, token.CreatedAt);
        if (outcome.Error is not null)
        {
            return VaultError.BadRequest(outcome.Error);
        }

        token.ExpiresAt = request.Now + outcome.Ttl;
        token.LastRenewedAt = request.Now;
        counters.Renewal("token");
        return new VaultResponse
        {
            Auth = TokenJson.Auth(token, (long)outcome.Ttl.TotalSeconds),
            Warnings = outcome.Warning is null ? null : [outcome.Warning],
            MountType = "token",
        };
    }
}
