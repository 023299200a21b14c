using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth.Jwt;

/// <summary>The JWT method at <c>auth/jwt/</c>: <c>config</c>, roles and <c>login</c> with locally configured public keys.</summary>
/// <remarks>
/// Config write 204 (400 for a bad key, a missing or unsupported key source), read 200 or 404. Role write 204, read
/// 200 or 404, delete 204, LIST 200 or 404. Login (unauthenticated) 200 with the auth block, or 400 with the plugin's
/// wording, e.g. <c>error validating token: invalid expiration time (exp) claim: token is expired</c>.
/// </remarks>
internal sealed partial class JwtBackend(DevVaultState state) : IVaultBackend
{
    private readonly Dictionary<string, JwtRole> _roles = new(StringComparer.Ordinal);
    private readonly LoginTokens _tokens = new(state);
    private JwtConfig? _config;

    public string Prefix => "auth/jwt/";

    public bool IsUnauthenticated(VaultRequest request, string subPath) => subPath == "login";

    public bool? Exists(VaultRequest request, string subPath) =>
        subPath.StartsWith("role/", StringComparison.Ordinal) ? _roles.ContainsKey(subPath["role/".Length..].ToLowerInvariant()) : null;

    public VaultResult Handle(VaultRequest request, string subPath)
    {
        var op = request.Operation;
        return (subPath, op) switch
        {
            ("login", VaultOperation.Update) => Login(request),
            ("config", VaultOperation.Read) => ReadConfig(),
            ("config", VaultOperation.Update) => WriteConfig(request.Data),
            ("role/" or "role", VaultOperation.List) => ListRoles(),
            (_, VaultOperation.Read) when IsRolePath(subPath) => ReadRole(RoleName(subPath)),
            (_, VaultOperation.Update) when IsRolePath(subPath) => WriteRole(request.Data, RoleName(subPath)),
            (_, VaultOperation.Delete) when IsRolePath(subPath) => DeleteRole(RoleName(subPath)),
            ("login" or "config" or "role" or "role/", _) => VaultError.UnsupportedOperation,
            _ when IsRolePath(subPath) => VaultError.UnsupportedOperation,
            _ => VaultError.UnsupportedPath,
        };
    }

    /// <summary>Seeds the config; the keys were checked when the seed was read.</summary>
    public void Seed(DevJwtConfig config)
    {
        var keys = config.ValidationPublicKeys.Select(pem => JwtKeys.Parse(pem).Key ?? throw new ArgumentException("jwt seed: " + JwtKeys.Parse(pem).Error, nameof(config))).ToList();
        _config = new JwtConfig(config.ValidationPublicKeys, keys) { BoundIssuer = config.BoundIssuer ?? string.Empty, DefaultRole = config.DefaultRole ?? string.Empty };
        foreach (var (name, role) in config.Roles)
        {
            _roles[name.ToLowerInvariant()] = new JwtRole
            {
                RoleType = "jwt",
                UserClaim = role.UserClaim,
                BoundAudiences = role.BoundAudiences,
                BoundSubject = role.BoundSubject ?? string.Empty,
                BoundClaims = role.BoundClaims,
                BoundClaimsType = role.GlobBoundClaims ? "glob" : "string",
                ClaimMappings = role.ClaimMappings,
                Token = TokenParams.FromSeed(role.Token),
            };
        }
    }

    private VaultResult ReadConfig()
    {
        if (_config is not { } config)
        {
            return VaultError.NotFound;
        }

        var data = new JsonObject
        {
            ["bound_issuer"] = config.BoundIssuer,
            ["default_role"] = config.DefaultRole,
            ["jwks_ca_pem"] = string.Empty,
            ["jwks_url"] = string.Empty,
            ["jwt_supported_algs"] = JsonOut.Strings(config.SupportedAlgorithms),
            ["jwt_validation_pubkeys"] = JsonOut.Strings(config.PublicKeyPems),
            ["namespace_in_state"] = true,
            ["oidc_client_id"] = string.Empty,
            ["oidc_discovery_ca_pem"] = string.Empty,
            ["oidc_discovery_url"] = string.Empty,
            ["oidc_response_mode"] = string.Empty,
            ["oidc_response_types"] = new JsonArray(),
            ["provider_config"] = new JsonObject(),
        };
        return new VaultResponse { Data = data, MountType = "jwt" };
    }

    private VaultResult WriteConfig(JsonObject data)
    {
        var pems = Fields.StringList(data, "jwt_validation_pubkeys") ?? [];
        var sources = (pems.Count > 0 ? 1 : 0) + (string.IsNullOrEmpty(Fields.String(data, "jwks_url")) ? 0 : 1) + (string.IsNullOrEmpty(Fields.String(data, "oidc_discovery_url")) ? 0 : 1);
        if (sources != 1)
        {
            return VaultError.BadRequest("exactly one of 'jwt_validation_pubkeys', 'jwks_url' or 'oidc_discovery_url' must be set");
        }

        if (pems.Count == 0)
        {
            return VaultError.BadRequest("jwks_url and oidc_discovery_url are not supported by the SecureLaunch dev server (it fetches nothing); use jwt_validation_pubkeys");
        }

        var keys = new List<AsymmetricAlgorithm>();
        foreach (var pem in pems)
        {
            var (key, error) = JwtKeys.Parse(pem);
            if (key is null)
            {
                return VaultError.BadRequest(error!);
            }

            keys.Add(key);
        }

        var algorithms = Fields.StringList(data, "jwt_supported_algs") ?? [];
        if (algorithms.FirstOrDefault(a => !JwtKeys.AllAlgorithms.Contains(a) || a == "EdDSA") is { } invalid)
        {
            return VaultError.BadRequest($"Invalid supported algorithm: {invalid}");
        }

        _config = new JwtConfig(pems, keys)
        {
            BoundIssuer = Fields.String(data, "bound_issuer") ?? string.Empty,
            DefaultRole = Fields.String(data, "default_role") ?? string.Empty,
            SupportedAlgorithms = algorithms,
        };
        return VaultNoContent.Instance;
    }

    private static bool IsRolePath(string subPath) =>
        subPath.StartsWith("role/", StringComparison.Ordinal) && subPath.Length > "role/".Length && !subPath["role/".Length..].Contains('/', StringComparison.Ordinal);

    private static string RoleName(string subPath) => subPath["role/".Length..].ToLowerInvariant();
}
