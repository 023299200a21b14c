using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth;

/// <summary>The token's two wire shapes: lookup <c>data</c> and the <c>auth</c> block.</summary>
internal static class TokenJson
{
    /// <summary>The lookup data. Tokens without a TTL (root) have no lease, so Vault sends no issue_time nor renewable for them.</summary>
    public static JsonObject Lookup(TokenEntry token, DateTimeOffset now)
    {
        var data = new JsonObject
        {
            ["accessor"] = token.Accessor,
            ["creation_time"] = token.CreatedAt.ToUnixTimeSeconds(),
            ["creation_ttl"] = (long)token.CreationTtl.TotalSeconds,
            ["display_name"] = token.DisplayName,
            ["entity_id"] = string.Empty,
            ["expire_time"] = token.ExpiresAt is { } expires ? GoTime.Rfc3339(expires) : null,
            ["explicit_max_ttl"] = (long)token.ExplicitMaxTtl.TotalSeconds,
            ["id"] = token.Id,
        };
        if (token.ExpiresAt is not null)
        {
            data["issue_time"] = GoTime.Rfc3339(token.CreatedAt);
        }

        if (token.LastRenewedAt is { } renewed)
        {
            data["last_renewal"] = GoTime.Rfc3339(renewed);
            data["last_renewal_time"] = renewed.ToUnixTimeSeconds();
        }

        data["meta"] = JsonOut.StringMap(token.Meta);
        data["num_uses"] = token.NumUses;
        data["orphan"] = token.ParentId is null;
        data["path"] = token.Path;
        if (token.Period > TimeSpan.Zero)
        {
            data["period"] = (long)token.Period.TotalSeconds;
        }

        data["policies"] = JsonOut.Strings(token.Policies);
        if (token.Role is not null)
        {
            data["role"] = token.Role;
        }

        if (token.ExpiresAt is not null)
        {
            data["renewable"] = token.Renewable && token.IsLive(now);
        }

        data["ttl"] = token.ExpiresAt is { } expiry ? GoTime.SecondsLeft(expiry, now) : 0;
        data["type"] = "service";
        return data;
    }

    public static JsonObject Auth(TokenEntry token, long leaseDuration) => new()
    {
        ["client_token"] = token.Id,
        ["accessor"] = token.Accessor,
        ["policies"] = JsonOut.Strings(token.Policies),
        ["token_policies"] = JsonOut.Strings(token.Policies),
        ["metadata"] = JsonOut.StringMap(token.Meta),
        ["lease_duration"] = leaseDuration,
        ["renewable"] = token.Renewable,
        ["entity_id"] = string.Empty,
        ["token_type"] = "service",
        ["orphan"] = token.ParentId is null,
        ["mfa_requirement"] = null,
        ["num_uses"] = token.NumUses,
    };
}
