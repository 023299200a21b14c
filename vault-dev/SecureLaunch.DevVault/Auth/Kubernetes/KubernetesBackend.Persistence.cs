using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Auth.Jwt;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Auth.Kubernetes;

/// <summary>The Kubernetes config and roles in the snapshot; the review stand-in's tokens come from the seed each start.</summary>
internal sealed partial class KubernetesBackend : IPersistent
{
    public string SnapshotKey => "kubernetes";

    public JsonNode Export()
    {
        var roles = new JsonObject();
        foreach (var (name, role) in _roles)
        {
            roles[name] = new JsonObject
            {
                ["names"] = JsonState.Array(role.ServiceAccountNames),
                ["namespaces"] = JsonState.Array(role.ServiceAccountNamespaces),
                ["audience"] = role.Audience,
                ["alias_name_source"] = role.AliasNameSource,
                ["token"] = TokenParamsJson.Export(role.Token),
            };
        }

        var config = _config is not { } c ? null : new JsonObject
        {
            ["host"] = c.Host,
            ["ca_cert"] = c.CaCert,
            ["pem_keys"] = JsonState.Array(c.PemKeys),
            ["issuer"] = c.Issuer,
            ["disable_iss_validation"] = c.DisableIssValidation,
            ["disable_local_ca_jwt"] = c.DisableLocalCaJwt,
            ["token_reviewer_jwt_set"] = c.TokenReviewerJwtSet,
        };
        return new JsonObject { ["config"] = config, ["roles"] = roles };
    }

    public void Import(JsonNode? data)
    {
        _roles.Clear();
        _config = null;
        if (data?["config"] is JsonObject c)
        {
            var pems = JsonState.Strings(c["pem_keys"]);
            _config = new KubernetesConfig(JsonState.Text(c["host"]))
            {
                CaCert = JsonState.Text(c["ca_cert"]),
                PemKeys = pems,
                Keys = [.. pems.Select(pem => JwtKeys.Parse(pem).Key!)],
                Issuer = JsonState.Text(c["issuer"]),
                DisableIssValidation = c["disable_iss_validation"]!.GetValue<bool>(),
                DisableLocalCaJwt = c["disable_local_ca_jwt"]!.GetValue<bool>(),
                TokenReviewerJwtSet = c["token_reviewer_jwt_set"]!.GetValue<bool>(),
            };
        }

        foreach (var (name, r) in data?["roles"] as JsonObject ?? [])
        {
            _roles[name] = new KubernetesRole
            {
                ServiceAccountNames = JsonState.Strings(r!["names"]),
                ServiceAccountNamespaces = JsonState.Strings(r["namespaces"]),
                Audience = JsonState.Text(r["audience"]),
                AliasNameSource = JsonState.Text(r["alias_name_source"]),
                Token = TokenParamsJson.Import(r["token"]),
            };
        }
    }
}
