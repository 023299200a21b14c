using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault;

/// <summary>
/// A service account the Kubernetes TokenReview stand-in vouches for. There is no Kubernetes API here: the dev Vault
/// accepts a service-account JWT when it was seeded with the account it belongs to (see <see cref="DevKubernetesAuth"/>).
/// </summary>
/// <param name="Name">The service account's name.</param>
/// <param name="Namespace">Its namespace.</param>
public sealed record DevKubernetesServiceAccount(string Name, string Namespace)
{
    /// <summary>The account's UID; a fresh one unless given.</summary>
    public string Uid { get; init; } = Guid.NewGuid().ToString("D");

    /// <summary>
    /// A JWT with this account's legacy (secret-based) claims, shaped like one a pod mounts. Its RS256 signature is
    /// random bytes: it passes only while the method's config has no <c>pem_keys</c>, exactly as with real Vault,
    /// which then leaves the signature to the TokenReview. Sign your own tokens to test <c>pem_keys</c>.
    /// </summary>
    public string CreateToken()
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = "dev" };
        var claims = new JsonObject
        {
            ["iss"] = "kubernetes/serviceaccount",
            ["kubernetes.io/serviceaccount/namespace"] = Namespace,
            ["kubernetes.io/serviceaccount/secret.name"] = Name + "-token",
            ["kubernetes.io/serviceaccount/service-account.name"] = Name,
            ["kubernetes.io/serviceaccount/service-account.uid"] = Uid,
            ["sub"] = $"system:serviceaccount:{Namespace}:{Name}",
        };
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())) + "."
            + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString())) + "."
            + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(256));
    }
}
