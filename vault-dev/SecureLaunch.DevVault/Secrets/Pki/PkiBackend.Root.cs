using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Secrets.Pki;

/// <summary>
/// <c>pki/root/generate/:type</c> (<c>internal</c> or <c>exported</c>): a new self-signed root. This server has a single
/// issuer, so the new root replaces the one made at start, where Vault would add an issuer beside it.
/// </summary>
internal sealed partial class PkiBackend
{
    private VaultResult GenerateRoot(VaultRequest request, bool exported)
    {
        var commonName = Fields.String(request.Data, "common_name");
        if (string.IsNullOrWhiteSpace(commonName))
        {
            return VaultError.BadRequest("the common_name field is required, or must be provided in a CSR with \"use_csr_common_name\" set to true, unless \"require_cn\" is set to false");
        }

        if (!Fields.TryDuration(request.Data, "ttl", out var ttl, out var error))
        {
            return error!;
        }

        var keyType = Fields.String(request.Data, "key_type") ?? "ec";
        if (keyType != "ec")
        {
            return VaultError.BadRequest($"key_type {keyType} is not supported by the SecureLaunch dev server for roots (ec only)");
        }

        // Vault caps a root at the mount's max TTL (32 days unless the mount is tuned); the dev mounts take any TTL.
        ttl = ttl > TimeSpan.Zero ? ttl : SystemDefaults.MaxLeaseTtl;
        _ca.Dispose();
        _ca = DevCertificateAuthority.Create(request.Now, commonName, ttl);
        var data = new JsonObject
        {
            ["certificate"] = _ca.CertificatePem,
            ["expiration"] = _ca.NotAfter.ToUnixTimeSeconds(),
            ["issuer_id"] = RandomIds.Uuid(),
            ["issuer_name"] = Fields.String(request.Data, "issuer_name") ?? string.Empty,
            ["issuing_ca"] = _ca.CertificatePem,
            ["key_id"] = RandomIds.Uuid(),
            ["key_name"] = Fields.String(request.Data, "key_name") ?? string.Empty,
            ["serial_number"] = _ca.SerialNumber,
        };
        if (exported)
        {
            data["private_key"] = _ca.PrivateKeyPem();
            data["private_key_type"] = "ec";
        }

        return new VaultResponse { Data = data, MountType = "pki" };
    }
}
