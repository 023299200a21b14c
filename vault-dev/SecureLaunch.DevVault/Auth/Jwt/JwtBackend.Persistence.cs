using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth.Jwt;

/// <summary>The JWT config (public keys as PEM) and roles in the snapshot.</summary>
internal sealed partial class JwtBackend : IPersistent
{
    public string SnapshotKey => "jwt";

    public JsonNode Export()
    {
        var roles = new JsonObject();
        foreach (var (name, role) in _roles)
        {
            var bound = new JsonObject();
            foreach (var (claim, values) in role.BoundClaims)
            {
                bound[claim] = JsonState.Array(values);
            }

            roles[name] = new JsonObject
            {
                ["role_type"] = role.RoleType,
                ["user_claim"] = role.UserClaim,
                ["user_claim_json_pointer"] = role.UserClaimJsonPointer,
                ["bound_audiences"] = JsonState.Array(role.BoundAudiences),
                ["bound_subject"] = role.BoundSubject,
                ["bound_claims"] = bound,
                ["bound_claims_type"] = role.BoundClaimsType,
                ["claim_mappings"] = JsonState.Map(role.ClaimMappings),
                ["groups_claim"] = role.GroupsClaim,
                ["allowed_redirect_uris"] = JsonState.Array(role.AllowedRedirectUris),
                ["oidc_scopes"] = JsonState.Array(role.OidcScopes),
                ["clock_skew_leeway"] = role.ClockSkewLeeway.Ticks,
                ["expiration_leeway"] = role.ExpirationLeeway.Ticks,
                ["not_before_leeway"] = role.NotBeforeLeeway.Ticks,
                ["max_age"] = role.MaxAge.Ticks,
                ["verbose_oidc_logging"] = role.VerboseOidcLogging,
                ["token"] = TokenParamsJson.Export(role.Token),
            };
        }

        var config = _config is not { } c ? null : new JsonObject
        {
            ["pems"] = JsonState.Array(c.PublicKeyPems),
            ["bound_issuer"] = c.BoundIssuer,
            ["default_role"] = c.DefaultRole,
            ["algorithms"] = JsonState.Array(c.SupportedAlgorithms),
        };
        return new JsonObject { ["config"] = config, ["roles"] = roles };
    }

    public void Import(JsonNode? data)
    {
        _roles.Clear();
        _config = null;
        if (data?["config"] is JsonObject c)
        {
            var pems = JsonState.Strings(c["pems"]);
            _config = new JwtConfig(pems, [.. pems.Select(pem => JwtKeys.Parse(pem).Key!)])
            {
                BoundIssuer = JsonState.Text(c["bound_issuer"]),
                DefaultRole = JsonState.Text(c["default_role"]),
                SupportedAlgorithms = JsonState.Strings(c["algorithms"]),
            };
        }

        foreach (var (name, r) in data?["roles"] as JsonObject ?? [])
        {
            _roles[name] = new JwtRole
            {
                RoleType = JsonState.Text(r!["role_type"]),
                UserClaim = JsonState.Text(r["user_claim"]),
                UserClaimJsonPointer = r["user_claim_json_pointer"]!.GetValue<bool>(),
                BoundAudiences = JsonState.Strings(r["bound_audiences"]),
                BoundSubject = JsonState.Text(r["bound_subject"]),
                BoundClaims = r["bound_claims"]!.AsObject().ToDictionary(p => p.Key, p => (IReadOnlyList<string>)JsonState.Strings(p.Value), StringComparer.Ordinal),
                BoundClaimsType = JsonState.Text(r["bound_claims_type"]),
                ClaimMappings = JsonState.Map(r["claim_mappings"]),
                GroupsClaim = JsonState.Text(r["groups_claim"]),
                AllowedRedirectUris = JsonState.Strings(r["allowed_redirect_uris"]),
                OidcScopes = JsonState.Strings(r["oidc_scopes"]),
                ClockSkewLeeway = JsonState.Span(r["clock_skew_leeway"]),
                ExpirationLeeway = JsonState.Span(r["expiration_leeway"]),
                NotBeforeLeeway = JsonState.Span(r["not_before_leeway"]),
                MaxAge = JsonState.Span(r["max_age"]),
                VerboseOidcLogging = r["verbose_oidc_logging"]!.GetValue<bool>(),
                Token = TokenParamsJson.Import(r["token"]),
            };
        }
    }
}
