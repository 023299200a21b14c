using System.Text.Json;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Auth;

/// <summary>
/// Kubernetes: <c>POST auth/&lt;mount&gt;/login</c> with <c>role</c> and the pod's service-account token as
/// <c>jwt</c> (the caller reads it, usually from <c>/var/run/secrets/kubernetes.io/serviceaccount/token</c>).
/// </summary>
public sealed record KubernetesAuth : VaultAuthMethod
{
    public KubernetesAuth()
        : base("kubernetes")
    {
    }

    /// <summary>The role to log in to (required by the method).</summary>
    public required string Role { get; init; }

    /// <summary>The service-account token. Never logged.</summary>
    public required string Jwt { get; init; }

    internal override Task<VaultLogin> LoginAsync(LoginEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Role, nameof(Role));
        ArgumentException.ThrowIfNullOrWhiteSpace(Jwt, nameof(Jwt));
        var body = JsonSerializer.SerializeToUtf8Bytes(new JwtLoginRequest(Role, Jwt.Trim()), VaultJsonContext.Default.JwtLoginRequest);
        return endpoint.LoginAsync(this, $"auth/{MountPath}/login", body, [Jwt.Trim()], cancellationToken);
    }
}
