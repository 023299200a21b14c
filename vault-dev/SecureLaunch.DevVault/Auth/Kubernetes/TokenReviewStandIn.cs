namespace SecureLaunch.DevVault.Auth.Kubernetes;

/// <summary>
/// Stands in for the Kubernetes TokenReview API, which the dev Vault cannot call: a token is "authenticated" when it
/// was seeded, and the review answers the service account it was seeded with.
/// </summary>
internal sealed class TokenReviewStandIn
{
    private readonly Dictionary<string, DevKubernetesServiceAccount> _accounts = new(StringComparer.Ordinal);

    public void Add(string token, DevKubernetesServiceAccount account) => _accounts[token] = account;

    /// <summary>The reviewed account, or null where the API server would answer <c>authenticated: false</c>.</summary>
    public DevKubernetesServiceAccount? Review(string token) => _accounts.GetValueOrDefault(token);
}
