using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SecureLaunch.TestKit;

/// <summary>RS256 JWTs as a CI provider (GitHub Actions, GitLab) would issue them, signed with a key the test holds.</summary>
public static class TestJwts
{
    /// <summary>A JWT valid for five minutes around the real clock (the dev Vault checks times on its own clock).</summary>
    public static string Mint(RSA key, string subject, string audience, string issuer = "https://ci.example")
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" };
        var claims = new JsonObject
        {
            ["iss"] = issuer,
            ["sub"] = subject,
            ["aud"] = audience,
            ["iat"] = now,
            ["nbf"] = now - 5,
            ["exp"] = now + 300,
        };
        var signed = Encode(header) + "." + Encode(claims);
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url.EncodeToString(signature);
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
