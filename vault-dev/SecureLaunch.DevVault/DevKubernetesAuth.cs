namespace SecureLaunch.DevVault;

/// <summary>The seeded <c>auth/kubernetes/</c> method: its config, roles, and the tokens the TokenReview stand-in accepts.</summary>
public sealed record DevKubernetesAuth
{
    /// <summary><c>kubernetes_host</c> (never contacted).</summary>
    public string KubernetesHost { get; init; } = "https://kubernetes.default.svc";

    /// <summary><c>issuer</c>; when set, iss validation is turned on and tokens must carry it.</summary>
    public string? Issuer { get; init; }

    /// <summary>Role name -> role.</summary>
    public IReadOnlyDictionary<string, DevKubernetesRole> Roles { get; init; } = new Dictionary<string, DevKubernetesRole>();

    /// <summary>The TokenReview stand-in: service-account JWT -> the account it authenticates.</summary>
    public IReadOnlyDictionary<string, DevKubernetesServiceAccount> ServiceAccountTokens { get; init; } = new Dictionary<string, DevKubernetesServiceAccount>();
}
