using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Secrets.Pki;

/// <summary><c>pki/issue/:role</c>.</summary>
internal sealed partial class PkiBackend
{
    private VaultResult Issue(VaultRequest request, string roleName)
    {
        if (!_roles.TryGetValue(roleName, out var role))
        {
            return VaultError.BadRequest($"unknown role: {roleName}");
        }

        var data = request.Data;
        if (!Fields.TryDuration(data, "ttl", out var requested, out var error))
        {
            return error!;
        }

        if (Fields.String(data, "format") is { Length: > 0 } format && format != "pem")
        {
            return VaultError.BadRequest($"format \"{format}\" is not supported by the SecureLaunch dev server; use pem");
        }

        var commonName = Fields.String(data, "common_name");
        if (string.IsNullOrEmpty(commonName))
        {
            return VaultError.BadRequest("the common_name field is required, or must be provided in a CSR with \"use_csr_common_name\" set to true, unless \"require_cn\" is set to false");
        }

        if (!PkiNames.Allowed(role, commonName))
        {
            return VaultError.BadRequest($"common name {commonName} not allowed by this role");
        }

        var altNames = Fields.StringList(data, "alt_names") ?? [];
        if (altNames.FirstOrDefault(n => !PkiNames.Allowed(role, n)) is { } badName)
        {
            return VaultError.BadRequest($"subject alternate name {badName} not allowed by this role");
        }

        var ipTexts = Fields.StringList(data, "ip_sans") ?? [];
        if (ipTexts.Count > 0 && !role.AllowIpSans)
        {
            return VaultError.BadRequest($"IP Subject Alternative Names are not allowed in this role, but was provided {string.Join(",", ipTexts)}");
        }

        var ips = new List<IPAddress>();
        foreach (var text in ipTexts)
        {
            if (!IPAddress.TryParse(text, out var ip))
            {
                return VaultError.BadRequest($"the value \"{text}\" is not a valid IP address");
            }

            ips.Add(ip);
        }

        return Sign(request, roleName, role, commonName, altNames, ips, requested, Fields.String(data, "private_key_format") == "pkcs8");
    }

    private VaultResponse Sign(VaultRequest request, string roleName, PkiRole role, string commonName, List<string> altNames, List<IPAddress> ips, TimeSpan requested, bool pkcs8)
    {
        var (ttl, warning) = Ttl(role, requested);
        var names = new[] { commonName }.Concat(altNames).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var (certificate, key) = _ca.Issue(commonName, names, ips, role, request.Now, ttl);
        using (certificate)
        using (key)
        {
            var response = new JsonObject
            {
                ["certificate"] = certificate.ExportCertificatePem() + "\n",
                ["expiration"] = new DateTimeOffset(certificate.NotAfter.ToUniversalTime()).ToUnixTimeSeconds(),
                ["issuing_ca"] = _ca.CertificatePem,
                ["ca_chain"] = new JsonArray(_ca.CertificatePem),
                ["private_key"] = PrivateKeyPem(key, pkcs8),
                ["private_key_type"] = key is RSA ? "rsa" : "ec",
                ["serial_number"] = string.Join(':', Convert.FromHexString(certificate.SerialNumber).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))),
            };
            state.Counters.Issued("pki");
            var leaseId = string.Empty;
            if (role.GenerateLease)
            {
                leaseId = $"{request.Path}/{RandomIds.Uuid()}";
                state.Leases.Add(new LeaseEntry
                {
                    Id = leaseId,
                    Path = request.Path,
                    IssuedAt = request.Now,
                    ExpiresAt = request.Now + ttl,
                    Renewable = false,
                    Ttl = ttl,
                    MaxTtl = ttl,
                    TokenId = request.Token!.Id,
                });
            }

            return new VaultResponse
            {
                Data = response,
                LeaseId = leaseId,
                LeaseDuration = role.GenerateLease ? (long)ttl.TotalSeconds : 0,
                Warnings = warning is null ? null : [warning],
                MountType = "pki",
            };
        }
    }

    /// <summary>The requested TTL, else the role's, else the mount default (768h); capped at the role's max (else the system's), and at the CA's expiry.</summary>
    private (TimeSpan Ttl, string? Warning) Ttl(PkiRole role, TimeSpan requested)
    {
        var ttl = requested > TimeSpan.Zero ? requested : role.Ttl > TimeSpan.Zero ? role.Ttl : SystemDefaults.DefaultLeaseTtl;
        var max = role.MaxTtl > TimeSpan.Zero ? role.MaxTtl : SystemDefaults.MaxLeaseTtl;
        string? warning = null;
        if (ttl > max)
        {
            warning = $"TTL \"{GoDuration.Format(ttl)}\" is longer than permitted maxTTL \"{GoDuration.Format(max)}\", so maxTTL is being used";
            ttl = max;
        }

        var left = _ca.NotAfter - state.Now;
        return (ttl < left ? ttl : left, warning);
    }

    private static string PrivateKeyPem(System.Security.Cryptography.AsymmetricAlgorithm key, bool pkcs8) => (key, pkcs8) switch
    {
        (_, true) => key.ExportPkcs8PrivateKeyPem(),
        (RSA rsa, false) => rsa.ExportRSAPrivateKeyPem(),
        (ECDsa ec, false) => ec.ExportECPrivateKeyPem(),
        _ => throw new InvalidOperationException("unexpected key type"),
    } + "\n";
}
