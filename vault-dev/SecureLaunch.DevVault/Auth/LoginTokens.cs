using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth;

/// <summary>
/// What Vault's core does with a successful login: an orphan service token whose display name is prefixed with
/// the mount, <c>default</c> added to its policies, and its TTL from the method's terms capped by the max TTLs.
/// </summary>
internal sealed class LoginTokens(DevVaultState state)
{
    public VaultResponse Issue(VaultRequest request, string mount, string displayName, TokenParams terms, IReadOnlyDictionary<string, string> metadata)
    {
        var policies = new SortedSet<string>(terms.Policies, StringComparer.Ordinal);
        if (!terms.NoDefaultPolicy)
        {
            policies.Add("default");
        }

        var (ttl, warning) = Ttl(terms);
        var token = new TokenEntry
        {
            Id = RandomIds.ServiceToken(),
            Accessor = RandomIds.Base62String(24),
            Policies = [.. policies],
            Meta = metadata,
            DisplayName = (mount + "-" + displayName).TrimEnd('-'),
            Path = request.Path,
            CreatedAt = request.Now,
            CreationTtl = ttl,
            ExplicitMaxTtl = terms.ExplicitMaxTtl,
            MaxTtl = terms.MaxTtl,
            Period = terms.Period,
            ExpiresAt = request.Now + ttl,
            Renewable = true,
            NumUses = terms.NumUses,
        };
        state.Tokens.Add(token);
        state.Counters.Login(mount);
        return new VaultResponse
        {
            Auth = TokenJson.Auth(token, (long)ttl.TotalSeconds),
            Warnings = warning is null ? null : [warning],
            MountType = mount,
        };
    }

    /// <summary>Vault's <c>CalculateTTL</c> at login: the period, else the role TTL, else the default; capped at the smallest max.</summary>
    private static (TimeSpan Ttl, string? Warning) Ttl(TokenParams terms)
    {
        var max = SystemDefaults.MaxLeaseTtl;
        if (terms.MaxTtl > TimeSpan.Zero && terms.MaxTtl < max)
        {
            max = terms.MaxTtl;
        }

        if (terms.ExplicitMaxTtl > TimeSpan.Zero && terms.ExplicitMaxTtl < max)
        {
            max = terms.ExplicitMaxTtl;
        }

        if (terms.Period > TimeSpan.Zero)
        {
            var cap = terms.ExplicitMaxTtl > TimeSpan.Zero && terms.ExplicitMaxTtl < SystemDefaults.MaxLeaseTtl ? terms.ExplicitMaxTtl : SystemDefaults.MaxLeaseTtl;
            return (terms.Period < cap ? terms.Period : cap, null);
        }

        var ttl = terms.Ttl > TimeSpan.Zero ? terms.Ttl : SystemDefaults.DefaultLeaseTtl;
        return ttl <= max
            ? (ttl, null)
            : (max, $"TTL of \"{GoDuration.Format(ttl)}\" exceeded the effective max_ttl of \"{GoDuration.Format(max)}\"; TTL value is capped accordingly");
    }
}
