using System.Text.Json.Nodes;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Secrets.Pki;

/// <summary>PKI at <c>pki/</c>, enough for <c>pki/issue/:role</c>: a dev CA made at start, roles, and <c>cert/ca</c>.</summary>
/// <remarks>
/// Issue 200 with certificate, issuing_ca, ca_chain, private_key, private_key_type, serial_number and expiration, under a
/// non-renewable lease of the certificate's TTL when the role has <c>generate_lease</c>; 400 <c>unknown role: x</c> or
/// a name the role does not allow. Roles: write 204, read 200 or 404, delete 204, LIST 200 or 404.
/// </remarks>
internal sealed partial class PkiBackend(DevVaultState state) : IVaultBackend, IDisposable
{
    private readonly Dictionary<string, PkiRole> _roles = new(StringComparer.Ordinal);
    private DevCertificateAuthority _ca = DevCertificateAuthority.Create(state.Now);

    public string Prefix => "pki/";

    public bool? Exists(VaultRequest request, string subPath) =>
        subPath.StartsWith("roles/", StringComparison.Ordinal) ? _roles.ContainsKey(subPath["roles/".Length..]) : null;

    public void Seed(string name, DevPkiRole seed) => _roles[name] = new PkiRole
    {
        AllowedDomains = seed.AllowedDomains,
        AllowSubdomains = seed.AllowSubdomains,
        AllowBareDomains = seed.AllowBareDomains,
        AllowGlobDomains = seed.AllowGlobDomains,
        AllowAnyName = seed.AllowAnyName,
        AllowLocalhost = seed.AllowLocalhost,
        AllowIpSans = seed.AllowIpSans,
        KeyType = seed.KeyType,
        KeyBits = seed.KeyBits,
        Ttl = seed.Ttl,
        MaxTtl = seed.MaxTtl,
        GenerateLease = seed.GenerateLease,
    };

    public VaultResult Handle(VaultRequest request, string subPath)
    {
        var op = request.Operation;
        var (area, name) = subPath.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? (subPath[..slash], subPath[(slash + 1)..]) : (subPath, string.Empty);
        return (area, name, op) switch
        {
            ("issue", { Length: > 0 }, VaultOperation.Update) => Issue(request, name),
            ("roles", "", VaultOperation.List) => ListRoles(),
            ("roles", { Length: > 0 }, VaultOperation.Read) => ReadRole(name),
            ("roles", { Length: > 0 }, VaultOperation.Update) => WriteRole(request.Data, name),
            ("roles", { Length: > 0 }, VaultOperation.Delete) => DeleteRole(name),
            ("root", "generate/internal" or "generate/exported", VaultOperation.Update) => GenerateRoot(request, exported: name.EndsWith("exported", StringComparison.Ordinal)),
            ("cert", "ca", VaultOperation.Read) => new VaultResponse { Data = new JsonObject { ["certificate"] = _ca.CertificatePem, ["revocation_time"] = 0 }, MountType = "pki" },
            ("issue" or "roles", _, _) or ("cert", "ca", _) or ("root", "generate/internal" or "generate/exported", _) => VaultError.UnsupportedOperation,
            _ => VaultError.UnsupportedPath,
        };
    }

    public void Dispose() => _ca.Dispose();
}
