using SecureLaunch.DevVault.Auth.Jwt;
using SecureLaunch.DevVault.Http;

namespace SecureLaunch.DevVault.Auth.Kubernetes;

/// <summary><c>auth/kubernetes/login</c>: the token's claims against the role, then the review stand-in, as the plugin orders them.</summary>
internal sealed partial class KubernetesBackend
{
    private static readonly string[] Algorithms = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"];

    private static VaultError Forbidden(string message) => new(403, [message]);

    private VaultResult Login(VaultRequest request)
    {
        var roleName = Fields.String(request.Data, "role");
        if (string.IsNullOrEmpty(roleName))
        {
            return VaultError.BadRequest("missing role");
        }

        var jwt = Fields.String(request.Data, "jwt");
        if (string.IsNullOrEmpty(jwt))
        {
            return VaultError.BadRequest("missing jwt");
        }

        if (!_roles.TryGetValue(roleName, out var role))
        {
            return VaultError.BadRequest($"invalid role name \"{roleName}\"");
        }

        if (_config is not { } config)
        {
            return new VaultError(500, ["could not load backend configuration"]);
        }

        // A malformed token fails inside signature verification in Vault, which answers a plain permission denied.
        var (token, _) = JwtToken.Parse(jwt);
        if (token is null)
        {
            return VaultError.PermissionDenied;
        }

        var expected = new JwtExpectations
        {
            Issuer = config.DisableIssValidation ? string.Empty : config.Issuer,
            Audiences = role.Audience.Trim().Length > 0 ? [role.Audience] : [],
            Algorithms = Algorithms,
            AllowMissingTimes = true,
        };
        var invalid = JwtValidator.Validate(token, config.Keys.Count > 0 ? config.Keys : null, expected, request.Now);
        if (invalid is not null)
        {
            return invalid.Contains("verifying token signature", StringComparison.Ordinal) ? VaultError.PermissionDenied : Forbidden(invalid);
        }

        var account = ServiceAccountClaims.From(token.Claims);
        if (!(role.ServiceAccountNames is ["*"]) && !role.ServiceAccountNames.Any(n => Matches(n, account.Name)))
        {
            return Forbidden("service account name not authorized");
        }

        if (!(role.ServiceAccountNamespaces is ["*"]) && !role.ServiceAccountNamespaces.Any(n => Matches(n, account.Namespace)))
        {
            return Forbidden("namespace not authorized");
        }

        if (account.Uid.Length == 0)
        {
            return new VaultError(500, ["could not parse UID from claims"]);
        }

        var reviewed = _review.Review(jwt);
        if (reviewed is null || reviewed.Name != account.Name || reviewed.Namespace != account.Namespace || reviewed.Uid != account.Uid)
        {
            return VaultError.PermissionDenied;
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["role"] = roleName,
            ["service_account_name"] = account.Name,
            ["service_account_namespace"] = account.Namespace,
            ["service_account_secret_name"] = account.SecretName,
            ["service_account_uid"] = account.Uid,
        };
        return _tokens.Issue(request, "kubernetes", $"{account.Namespace}-{account.Name}", role.Token, metadata);
    }

    /// <summary>Vault's <c>StrListContainsGlob</c>: a leading or trailing <c>*</c> matches any prefix or suffix.</summary>
    private static bool Matches(string pattern, string value) => (pattern.StartsWith('*'), pattern.EndsWith('*') && pattern.Length > 1) switch
    {
        (true, true) => value.Contains(pattern[1..^1], StringComparison.Ordinal),
        (true, false) => value.EndsWith(pattern[1..], StringComparison.Ordinal),
        (false, true) => value.StartsWith(pattern[..^1], StringComparison.Ordinal),
        _ => pattern == value,
    };
}
