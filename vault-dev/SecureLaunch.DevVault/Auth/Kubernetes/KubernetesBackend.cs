using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Auth.Jwt;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth.Kubernetes;

/// <summary>The Kubernetes method at <c>auth/kubernetes/</c>: <c>config</c>, roles and <c>login</c>, with a seeded TokenReview stand-in.</summary>
/// <remarks>
/// Config write 204 (400 <c>no host provided</c>), read 200 or 404. Role write 204, read 200 or 404, delete 204,
/// LIST 200 or 404. Login 200; 400 <c>missing role</c>, <c>missing jwt</c>, <c>invalid role name "x"</c>; 403
/// <c>service account name not authorized</c>, <c>namespace not authorized</c>, or <c>permission denied</c> when the
/// review (here: the seeded token list) does not vouch for the token.
/// </remarks>
internal sealed partial class KubernetesBackend(DevVaultState state) : IVaultBackend
{
    private readonly Dictionary<string, KubernetesRole> _roles = new(StringComparer.Ordinal);
    private readonly TokenReviewStandIn _review = new();
    private readonly LoginTokens _tokens = new(state);
    private KubernetesConfig? _config;

    public string Prefix => "auth/kubernetes/";

    public bool IsUnauthenticated(VaultRequest request, string subPath) => subPath == "login";

    public bool? Exists(VaultRequest request, string subPath) =>
        subPath.StartsWith("role/", StringComparison.Ordinal) ? _roles.ContainsKey(subPath["role/".Length..]) : null;

    /// <summary>Config and roles, written as the API would.</summary>
    public void Seed(DevKubernetesAuth seed)
    {
        _config = new KubernetesConfig(seed.KubernetesHost) { Issuer = seed.Issuer ?? string.Empty, DisableIssValidation = seed.Issuer is null };
        foreach (var (name, role) in seed.Roles)
        {
            _roles[name] = new KubernetesRole
            {
                ServiceAccountNames = role.BoundServiceAccountNames,
                ServiceAccountNamespaces = role.BoundServiceAccountNamespaces,
                Audience = role.Audience ?? string.Empty,
                Token = TokenParams.FromSeed(role.Token),
            };
        }
    }

    /// <summary>The TokenReview stand-in's tokens: test fixtures, loaded at every start and never persisted.</summary>
    public void SeedReview(DevKubernetesAuth seed)
    {
        foreach (var (token, account) in seed.ServiceAccountTokens)
        {
            _review.Add(token, account);
        }
    }

    public VaultResult Handle(VaultRequest request, string subPath)
    {
        var op = request.Operation;
        var isRole = subPath.StartsWith("role/", StringComparison.Ordinal) && subPath.Length > "role/".Length && !subPath["role/".Length..].Contains('/', StringComparison.Ordinal);
        var name = isRole ? subPath["role/".Length..] : string.Empty;
        return (subPath, op) switch
        {
            ("login", VaultOperation.Update) => Login(request),
            ("config", VaultOperation.Read) => ReadConfig(),
            ("config", VaultOperation.Update) => WriteConfig(request.Data),
            ("role" or "role/", VaultOperation.List) => ListRoles(),
            (_, VaultOperation.Read) when isRole => ReadRole(name),
            (_, VaultOperation.Update) when isRole => WriteRole(request.Data, name),
            (_, VaultOperation.Delete) when isRole => DeleteRole(name),
            ("login" or "config" or "role" or "role/", _) => VaultError.UnsupportedOperation,
            _ when isRole => VaultError.UnsupportedOperation,
            _ => VaultError.UnsupportedPath,
        };
    }

    private VaultResult ReadConfig()
    {
        if (_config is not { } config)
        {
            return VaultError.NotFound;
        }

        var data = new JsonObject
        {
            ["disable_iss_validation"] = config.DisableIssValidation,
            ["disable_local_ca_jwt"] = config.DisableLocalCaJwt,
            ["issuer"] = config.Issuer,
            ["kubernetes_ca_cert"] = config.CaCert,
            ["kubernetes_host"] = config.Host,
            ["pem_keys"] = JsonOut.Strings(config.PemKeys),
            ["token_reviewer_jwt_set"] = config.TokenReviewerJwtSet,
        };
        return new VaultResponse { Data = data, MountType = "kubernetes" };
    }

    private VaultResult WriteConfig(JsonObject data)
    {
        var host = Fields.String(data, "kubernetes_host");
        if (string.IsNullOrEmpty(host))
        {
            return VaultError.BadRequest("no host provided");
        }

        if (!Fields.TryBool(data, "disable_iss_validation", true, out var disableIss, out var error)
            || !Fields.TryBool(data, "disable_local_ca_jwt", false, out var disableLocal, out error))
        {
            return error!;
        }

        var pems = Fields.StringList(data, "pem_keys") ?? [];
        var keys = new List<System.Security.Cryptography.AsymmetricAlgorithm>();
        foreach (var pem in pems)
        {
            var (key, keyError) = JwtKeys.Parse(pem);
            if (key is null)
            {
                return VaultError.BadRequest(keyError!);
            }

            keys.Add(key);
        }

        _config = new KubernetesConfig(host)
        {
            CaCert = Fields.String(data, "kubernetes_ca_cert") ?? string.Empty,
            PemKeys = pems,
            Keys = keys,
            Issuer = Fields.String(data, "issuer") ?? string.Empty,
            DisableIssValidation = disableIss,
            DisableLocalCaJwt = disableLocal,
            TokenReviewerJwtSet = !string.IsNullOrEmpty(Fields.String(data, "token_reviewer_jwt")),
        };
        return VaultNoContent.Instance;
    }
}
