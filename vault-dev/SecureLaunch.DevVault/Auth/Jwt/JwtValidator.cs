using System.Security.Cryptography;

namespace SecureLaunch.DevVault.Auth.Jwt;

/// <summary>
/// The checks of HashiCorp's <c>cap/jwt</c> validator that Vault's JWT and Kubernetes methods use, in its order and
/// with its wording: signature, algorithm, iss, sub, aud, then nbf/exp/iat with leeway on the injected clock.
/// </summary>
internal static class JwtValidator
{
    private const long DefaultLeewaySeconds = 150;
    private static readonly TimeSpan DefaultClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Null when valid; else the error, e.g. <c>invalid expiration time (exp) claim: token is expired</c>.
    /// Null <paramref name="keys"/> skips the signature (Kubernetes without <c>pem_keys</c>).
    /// </summary>
    public static string? Validate(JwtToken token, IReadOnlyList<AsymmetricAlgorithm>? keys, JwtExpectations expected, DateTimeOffset now)
    {
        if (keys is not null && !JwtKeys.Verify(token, keys))
        {
            return "error verifying token signature: no known key successfully validated the token signature";
        }

        if (AlgorithmError(token, expected.Algorithms) is { } algorithm)
        {
            return "invalid algorithm (alg) header parameter: " + algorithm;
        }

        if (expected.Issuer.Length > 0 && expected.Issuer != token.StringClaim("iss"))
        {
            return "invalid issuer (iss) claim";
        }

        if (expected.Subject.Length > 0 && expected.Subject != token.StringClaim("sub"))
        {
            return "invalid subject (sub) claim";
        }

        if (expected.Audiences.Count > 0 && !expected.Audiences.Any(token.Audiences.Contains))
        {
            return "invalid audience (aud) claim: audience claim does not match any expected audience";
        }

        return TimeError(token, expected, now);
    }

    private static string? AlgorithmError(JwtToken token, IReadOnlyList<string> algorithms)
    {
        if (token.Signature.Length == 0)
        {
            return "token must be signed";
        }

        var allowed = algorithms.Count == 0 ? ["RS256"] : algorithms;
        return allowed.Contains(token.Algorithm) ? null : "token signed with unexpected algorithm";
    }

    private static string? TimeError(JwtToken token, JwtExpectations expected, DateTimeOffset now)
    {
        var (iat, exp, nbf) = (token.Seconds("iat"), token.Seconds("exp"), token.Seconds("nbf"));
        if (iat == 0 && exp == 0 && nbf == 0)
        {
            return expected.AllowMissingTimes ? null : "no issued at (iat), not before (nbf), or expiration time (exp) claims in token";
        }

        if (exp == 0)
        {
            exp = Math.Max(iat, nbf) + Leeway(expected.ExpirationLeeway);
        }

        if (nbf == 0)
        {
            nbf = iat != 0 ? iat : exp - Leeway(expected.NotBeforeLeeway);
        }

        var skew = expected.ClockSkewLeeway < TimeSpan.Zero ? TimeSpan.Zero : expected.ClockSkewLeeway == TimeSpan.Zero ? DefaultClockSkew : expected.ClockSkewLeeway;
        if ((now + skew) < DateTimeOffset.FromUnixTimeSeconds(nbf))
        {
            return "invalid not before (nbf) claim: token not yet valid";
        }

        if ((now - skew) > DateTimeOffset.FromUnixTimeSeconds(exp))
        {
            return "invalid expiration time (exp) claim: token is expired";
        }

        return iat != 0 && (now + skew) < DateTimeOffset.FromUnixTimeSeconds(iat) ? "invalid issued at (iat) claim: token issued in the future" : null;
    }

    private static long Leeway(TimeSpan configured) =>
        configured < TimeSpan.Zero ? 0 : configured == TimeSpan.Zero ? DefaultLeewaySeconds : (long)configured.TotalSeconds;
}
