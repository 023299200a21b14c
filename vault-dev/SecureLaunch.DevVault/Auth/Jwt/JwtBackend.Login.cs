using System.Text.Json;
using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;

namespace SecureLaunch.DevVault.Auth.Jwt;

/// <summary><c>auth/jwt/login</c>: role + jwt, checked in the plugin's order.</summary>
internal sealed partial class JwtBackend
{
    private VaultResult Login(VaultRequest request)
    {
        if (_config is not { } config)
        {
            return VaultError.BadRequest("could not load configuration");
        }

        var roleName = Fields.String(request.Data, "role") is { Length: > 0 } given ? given : config.DefaultRole;
        if (roleName.Length == 0)
        {
            return VaultError.BadRequest("missing role");
        }

        if (!_roles.TryGetValue(roleName.ToLowerInvariant(), out var role))
        {
            return VaultError.BadRequest($"role \"{roleName}\" could not be found");
        }

        if (role.RoleType == "oidc")
        {
            return VaultError.BadRequest("role with oidc role_type is not allowed");
        }

        var jwt = Fields.String(request.Data, "jwt");
        if (string.IsNullOrEmpty(jwt))
        {
            return VaultError.BadRequest("missing token");
        }

        var (token, parseError) = JwtToken.Parse(jwt);
        if (token is null)
        {
            return VaultError.BadRequest("error validating token: error verifying token signature: " + parseError);
        }

        var expected = new JwtExpectations
        {
            Issuer = config.BoundIssuer,
            Subject = role.BoundSubject,
            Audiences = role.BoundAudiences,
            Algorithms = config.SupportedAlgorithms.Count > 0 ? config.SupportedAlgorithms : JwtKeys.AllAlgorithms,
            ClockSkewLeeway = role.ClockSkewLeeway,
            ExpirationLeeway = role.ExpirationLeeway,
            NotBeforeLeeway = role.NotBeforeLeeway,
        };
        if (JwtValidator.Validate(token, config.Keys, expected, request.Now) is { } invalid)
        {
            return VaultError.BadRequest("error validating token: " + invalid);
        }

        if (token.Audiences.Count > 0 && role.BoundAudiences.Count == 0)
        {
            return VaultError.BadRequest("audience claim found in JWT but no audiences bound to the role");
        }

        var user = ClaimValues.Get(token.Claims, role.UserClaim);
        if (user is null)
        {
            return VaultError.BadRequest($"claim \"{role.UserClaim}\" not found in token");
        }

        if (user is not JsonValue text || text.GetValueKind() != JsonValueKind.String || text.GetValue<string>() is not { } userName)
        {
            return VaultError.BadRequest($"claim \"{role.UserClaim}\" could not be converted to string");
        }

        if (ClaimValues.BoundClaimsError(token.Claims, role.BoundClaims, role.BoundClaimsType == "glob") is { } unbound)
        {
            return VaultError.BadRequest("error validating claims: " + unbound);
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["role"] = roleName };
        foreach (var (claim, key) in role.ClaimMappings)
        {
            if (ClaimValues.Get(token.Claims, claim) is { } value && ClaimValues.Normalize(value) is [var mapped])
            {
                metadata[key] = mapped;
            }
        }

        return _tokens.Issue(request, "jwt", userName, role.Token, metadata);
    }
}
