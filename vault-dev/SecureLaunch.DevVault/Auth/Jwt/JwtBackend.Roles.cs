using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;

namespace SecureLaunch.DevVault.Auth.Jwt;

/// <summary>JWT roles: create/update with the plugin's checks, read, list, delete.</summary>
internal sealed partial class JwtBackend
{
    private VaultResult ListRoles() =>
        _roles.Count == 0 ? VaultError.NotFound : new VaultResponse { Data = JsonOut.Keys(_roles.Keys.Order(StringComparer.Ordinal)), MountType = "jwt" };

    private VaultResult ReadRole(string name)
    {
        if (!_roles.TryGetValue(name, out var role))
        {
            return VaultError.NotFound;
        }

        var data = new JsonObject
        {
            ["allowed_redirect_uris"] = JsonOut.Strings(role.AllowedRedirectUris),
            ["bound_audiences"] = JsonOut.Strings(role.BoundAudiences),
            ["bound_claims"] = BoundClaimsJson(role.BoundClaims),
            ["bound_claims_type"] = role.BoundClaimsType,
            ["bound_subject"] = role.BoundSubject,
            ["claim_mappings"] = role.ClaimMappings.Count == 0 ? null : JsonOut.StringMap(role.ClaimMappings),
            ["clock_skew_leeway"] = (long)role.ClockSkewLeeway.TotalSeconds,
            ["expiration_leeway"] = (long)role.ExpirationLeeway.TotalSeconds,
            ["groups_claim"] = role.GroupsClaim,
            ["max_age"] = (long)role.MaxAge.TotalSeconds,
            ["not_before_leeway"] = (long)role.NotBeforeLeeway.TotalSeconds,
            ["oidc_scopes"] = JsonOut.Strings(role.OidcScopes),
            ["role_type"] = role.RoleType,
            ["user_claim"] = role.UserClaim,
            ["user_claim_json_pointer"] = role.UserClaimJsonPointer,
            ["verbose_oidc_logging"] = role.VerboseOidcLogging,
        };
        role.Token.WriteTo(data);
        return new VaultResponse { Data = data, MountType = "jwt" };
    }

    private VaultResult WriteRole(JsonObject data, string name)
    {
        var existing = _roles.GetValueOrDefault(name) ?? new JwtRole();
        var (token, tokenError) = TokenParams.Update(data, existing.Token);
        if (token is null)
        {
            return tokenError!;
        }

        if (!TryLeeway(data, "clock_skew_leeway", existing.ClockSkewLeeway, out var clockSkew, out var error)
            || !TryLeeway(data, "expiration_leeway", existing.ExpirationLeeway, out var expiration, out error)
            || !TryLeeway(data, "not_before_leeway", existing.NotBeforeLeeway, out var notBefore, out error)
            || !Fields.TryBool(data, "user_claim_json_pointer", existing.UserClaimJsonPointer, out var pointer, out error)
            || !Fields.TryBool(data, "verbose_oidc_logging", existing.VerboseOidcLogging, out var verbose, out error)
            || !Fields.TryDuration(data, "max_age", out var maxAge, out error))
        {
            return error!;
        }

        var role = existing with
        {
            RoleType = Fields.String(data, "role_type") is { Length: > 0 } type ? type : existing.RoleType,
            UserClaim = Fields.String(data, "user_claim") ?? existing.UserClaim,
            UserClaimJsonPointer = pointer,
            BoundAudiences = Fields.StringList(data, "bound_audiences") ?? existing.BoundAudiences,
            BoundSubject = Fields.String(data, "bound_subject") ?? existing.BoundSubject,
            BoundClaimsType = Fields.String(data, "bound_claims_type") is { Length: > 0 } claimsType ? claimsType : existing.BoundClaimsType,
            BoundClaims = data["bound_claims"] is JsonObject bound ? ParseBoundClaims(bound) : existing.BoundClaims,
            ClaimMappings = Fields.StringMap(data, "claim_mappings") ?? existing.ClaimMappings,
            GroupsClaim = Fields.String(data, "groups_claim") ?? existing.GroupsClaim,
            AllowedRedirectUris = Fields.StringList(data, "allowed_redirect_uris") ?? existing.AllowedRedirectUris,
            OidcScopes = Fields.StringList(data, "oidc_scopes") ?? existing.OidcScopes,
            ClockSkewLeeway = clockSkew,
            ExpirationLeeway = expiration,
            NotBeforeLeeway = notBefore,
            MaxAge = data.ContainsKey("max_age") ? maxAge : existing.MaxAge,
            VerboseOidcLogging = verbose,
            Token = token,
        };
        if (RoleError(role) is { } invalid)
        {
            return invalid;
        }

        _roles[name] = role;
        return VaultNoContent.Instance;
    }

    private VaultNoContent DeleteRole(string name)
    {
        _roles.Remove(name);
        return VaultNoContent.Instance;
    }

    private static VaultError? RoleError(JwtRole role)
    {
        if (role.RoleType is not ("jwt" or "oidc"))
        {
            return VaultError.BadRequest($"invalid 'role_type': {role.RoleType}");
        }

        if (role.BoundClaimsType is not ("string" or "glob"))
        {
            return VaultError.BadRequest($"invalid 'bound_claims_type': {role.BoundClaimsType}");
        }

        if (role.UserClaim.Length == 0)
        {
            return VaultError.BadRequest("a user claim must be defined on the role");
        }

        if (role.RoleType == "jwt" && role.BoundAudiences.Count == 0 && role.BoundSubject.Length == 0 && role.BoundClaims.Count == 0)
        {
            return VaultError.BadRequest("must have at least one bound constraint when creating/updating a role");
        }

        return role.RoleType == "oidc" && role.AllowedRedirectUris.Count == 0
            ? VaultError.BadRequest("'allowed_redirect_uris' must be set if 'role_type' is 'oidc' or unspecified.")
            : null;
    }

    /// <summary>Leeways accept -1 (no leeway) besides durations; 0 means the default.</summary>
    private static bool TryLeeway(JsonObject data, string name, TimeSpan current, out TimeSpan value, out VaultError? error)
    {
        value = current;
        error = null;
        if (!data.ContainsKey(name))
        {
            return true;
        }

        if (Fields.String(data, name) is "-1" or "-1s")
        {
            value = TimeSpan.FromSeconds(-1);
            return true;
        }

        return Fields.TryDuration(data, name, out value, out error);
    }

    private static Dictionary<string, IReadOnlyList<string>> ParseBoundClaims(JsonObject bound)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (claim, value) in bound)
        {
            result[claim] = value is null ? [] : ClaimValues.Normalize(value) ?? [value.ToJsonString()];
        }

        return result;
    }

    private static JsonObject? BoundClaimsJson(IReadOnlyDictionary<string, IReadOnlyList<string>> bound)
    {
        if (bound.Count == 0)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (claim, values) in bound)
        {
            result[claim] = values.Count == 1 ? JsonValue.Create(values[0]) : JsonOut.Strings(values);
        }

        return result;
    }
}
