using System.Security.Cryptography;

namespace SecureLaunch.DevVault.Auth.Jwt;

/// <summary>The JWT method's <c>config</c>: local validation keys only (there is no network to fetch JWKS or discovery documents).</summary>
internal sealed record JwtConfig(IReadOnlyList<string> PublicKeyPems, IReadOnlyList<AsymmetricAlgorithm> Keys)
{
    public string BoundIssuer { get; init; } = string.Empty;

    public string DefaultRole { get; init; } = string.Empty;

    public IReadOnlyList<string> SupportedAlgorithms { get; init; } = [];
}
