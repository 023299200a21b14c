using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Tests.Auth.Jwt;

/// <summary>Signs JWTs with keys the tests generate, as a CI provider would.</summary>
public static class JwtSigner
{
    public static string Sign(AsymmetricAlgorithm key, string algorithm, JsonObject claims)
    {
        var header = new JsonObject { ["alg"] = algorithm, ["typ"] = "JWT", ["kid"] = "test" };
        var input = Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var data = Encoding.ASCII.GetBytes(input);
        var hash = algorithm[2..] switch { "384" => HashAlgorithmName.SHA384, "512" => HashAlgorithmName.SHA512, _ => HashAlgorithmName.SHA256 };
        var signature = key switch
        {
            RSA rsa => rsa.SignData(data, hash, algorithm.StartsWith("PS", StringComparison.Ordinal) ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1),
            ECDsa ec => ec.SignData(data, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            _ => throw new ArgumentException("unsupported key", nameof(key)),
        };
        return input + "." + Encode(signature);
    }

    public static string PublicPem(AsymmetricAlgorithm key) => key.ExportSubjectPublicKeyInfoPem();

    private static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
