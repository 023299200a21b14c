using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Auth.Kubernetes;

/// <summary>The service account a token names: legacy secret-based claims, or the projected <c>kubernetes.io</c> block.</summary>
internal sealed record ServiceAccountClaims(string Name, string Namespace, string Uid, string SecretName)
{
    public static ServiceAccountClaims From(JsonObject claims)
    {
        if (claims["kubernetes.io"] is JsonObject projected)
        {
            var account = projected["serviceaccount"] as JsonObject;
            return new ServiceAccountClaims(Text(account?["name"]), Text(projected["namespace"]), Text(account?["uid"]), string.Empty);
        }

        return new ServiceAccountClaims(
            Text(claims["kubernetes.io/serviceaccount/service-account.name"]),
            Text(claims["kubernetes.io/serviceaccount/namespace"]),
            Text(claims["kubernetes.io/serviceaccount/service-account.uid"]),
            Text(claims["kubernetes.io/serviceaccount/secret.name"]));
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : string.Empty;
}
