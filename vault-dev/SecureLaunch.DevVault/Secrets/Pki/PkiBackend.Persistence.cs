using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Secrets.Pki;

/// <summary>The dev CA (with its key, inside the encrypted snapshot) and the roles.</summary>
internal sealed partial class PkiBackend : IPersistent
{
    public string SnapshotKey => "pki";

    public JsonNode Export()
    {
        var roles = new JsonObject();
        foreach (var (name, role) in _roles)
        {
            roles[name] = new JsonObject
            {
                ["allowed_domains"] = JsonState.Array(role.AllowedDomains),
                ["allow_subdomains"] = role.AllowSubdomains,
                ["allow_bare_domains"] = role.AllowBareDomains,
                ["allow_glob_domains"] = role.AllowGlobDomains,
                ["allow_any_name"] = role.AllowAnyName,
                ["allow_localhost"] = role.AllowLocalhost,
                ["allow_ip_sans"] = role.AllowIpSans,
                ["enforce_hostnames"] = role.EnforceHostnames,
                ["key_type"] = role.KeyType,
                ["key_bits"] = role.KeyBits,
                ["ttl"] = role.Ttl.Ticks,
                ["max_ttl"] = role.MaxTtl.Ticks,
                ["generate_lease"] = role.GenerateLease,
                ["no_store"] = role.NoStore,
            };
        }

        return new JsonObject { ["ca"] = Convert.ToBase64String(_ca.Export()), ["roles"] = roles };
    }

    public void Import(JsonNode? data)
    {
        _roles.Clear();
        _ca.Dispose();
        _ca = data?["ca"] is { } ca ? DevCertificateAuthority.Import(Convert.FromBase64String(ca.GetValue<string>())) : DevCertificateAuthority.Create(state.Now);
        foreach (var (name, r) in data?["roles"] as JsonObject ?? [])
        {
            _roles[name] = new PkiRole
            {
                AllowedDomains = JsonState.Strings(r!["allowed_domains"]),
                AllowSubdomains = r["allow_subdomains"]!.GetValue<bool>(),
                AllowBareDomains = r["allow_bare_domains"]!.GetValue<bool>(),
                AllowGlobDomains = r["allow_glob_domains"]!.GetValue<bool>(),
                AllowAnyName = r["allow_any_name"]!.GetValue<bool>(),
                AllowLocalhost = r["allow_localhost"]!.GetValue<bool>(),
                AllowIpSans = r["allow_ip_sans"]!.GetValue<bool>(),
                EnforceHostnames = r["enforce_hostnames"]!.GetValue<bool>(),
                KeyType = JsonState.Text(r["key_type"]),
                KeyBits = r["key_bits"]!.GetValue<int>(),
                Ttl = JsonState.Span(r["ttl"]),
                MaxTtl = JsonState.Span(r["max_ttl"]),
                GenerateLease = r["generate_lease"]!.GetValue<bool>(),
                NoStore = r["no_store"]!.GetValue<bool>(),
            };
        }
    }
}
