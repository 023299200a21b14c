namespace SecureLaunch.DevVault.Auth.Kubernetes;

/// <summary>A Kubernetes role: which service accounts, in which namespaces, may log in.</summary>
internal sealed record KubernetesRole
{
    public IReadOnlyList<string> ServiceAccountNames { get; init; } = [];

    public IReadOnlyList<string> ServiceAccountNamespaces { get; init; } = [];

    public string Audience { get; init; } = string.Empty;

    public string AliasNameSource { get; init; } = "serviceaccount_uid";

    public TokenParams Token { get; init; } = new();
}
