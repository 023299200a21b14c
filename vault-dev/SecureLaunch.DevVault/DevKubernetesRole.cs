namespace SecureLaunch.DevVault;

/// <summary>A seeded Kubernetes role.</summary>
/// <param name="BoundServiceAccountNames"><c>bound_service_account_names</c> (<c>*</c> for any; leading/trailing globs allowed).</param>
/// <param name="BoundServiceAccountNamespaces"><c>bound_service_account_namespaces</c>.</param>
public sealed record DevKubernetesRole(IReadOnlyList<string> BoundServiceAccountNames, IReadOnlyList<string> BoundServiceAccountNamespaces)
{
    /// <summary><c>audience</c>: when set, the token's <c>aud</c> must hold it.</summary>
    public string? Audience { get; init; }

    /// <summary>The tokens a login gets.</summary>
    public DevTokenSettings Token { get; init; } = DevTokenSettings.Default;
}
