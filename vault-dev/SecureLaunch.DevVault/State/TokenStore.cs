namespace SecureLaunch.DevVault.State;

/// <summary>Tokens by id, with Vault's tree revocation. Callers hold <see cref="DevVaultState.Sync"/>.</summary>
internal sealed partial class TokenStore(LeaseStore leases, UsageCounters counters)
{
    private readonly Dictionary<string, TokenEntry> _tokens = new(StringComparer.Ordinal);

    public void Add(TokenEntry token) => _tokens.Add(token.Id, token);

    public bool Contains(string id) => _tokens.ContainsKey(id);

    /// <summary>The token when it exists and is live; expired tokens are revoked on the way, as Vault's expiry would have.</summary>
    public TokenEntry? FindLive(string? id, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || !_tokens.TryGetValue(id, out var token))
        {
            return null;
        }

        if (!token.Revoked && !token.IsLive(now))
        {
            RevokeTree(token, now, expired: true);
        }

        return token.Revoked ? null : token;
    }

    /// <summary>The live token with this accessor, or null.</summary>
    public TokenEntry? FindByAccessor(string? accessor, DateTimeOffset now) =>
        string.IsNullOrEmpty(accessor) ? null : FindLive(_tokens.Values.FirstOrDefault(t => t.Accessor == accessor)?.Id, now);

    /// <summary>Revokes every token whose TTL has run out, with its children and leases.</summary>
    public void Sweep(DateTimeOffset now)
    {
        foreach (var token in _tokens.Values.Where(t => !t.Revoked && !t.IsLive(now)).ToList())
        {
            RevokeTree(token, now, expired: true);
        }
    }

    /// <summary>
    /// Revokes a token, all its descendants and every lease issued under them; counted as revocations unless the
    /// token <paramref name="expired"/> (response-wrapping tokens are never counted).
    /// </summary>
    public void RevokeTree(TokenEntry token, DateTimeOffset now, bool expired = false)
    {
        var pending = new Stack<TokenEntry>();
        pending.Push(token);
        while (pending.TryPop(out var current))
        {
            if (!expired && !current.Revoked && current.Policies is not [Policies.BuiltinPolicies.ResponseWrappingName])
            {
                counters.Revocation("token");
            }

            current.Revoked = true;
            leases.RevokeByToken(current.Id, now, expired);
            foreach (var child in _tokens.Values.Where(t => !t.Revoked && t.ParentId == current.Id))
            {
                pending.Push(child);
            }
        }
    }
}
