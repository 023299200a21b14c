using System.Security.Cryptography;

namespace SecureLaunch.DevVault.Auth.Kubernetes;

/// <summary>The Kubernetes method's <c>config</c>. Only <c>pem_keys</c> and <c>issuer</c> change what a login accepts here.</summary>
internal sealed record KubernetesConfig(string Host)
{
    public string CaCert { get; init; } = string.Empty;

    public IReadOnlyList<string> PemKeys { get; init; } = [];

    public IReadOnlyList<AsymmetricAlgorithm> Keys { get; init; } = [];

    public string Issuer { get; init; } = string.Empty;

    public bool DisableIssValidation { get; init; } = true;

    public bool DisableLocalCaJwt { get; init; }

    public bool TokenReviewerJwtSet { get; init; }
}
