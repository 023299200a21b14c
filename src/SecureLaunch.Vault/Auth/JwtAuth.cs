using System.Text.Json;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Auth;

/// <summary>
/// JWT (CI pipelines' OIDC tokens, such as GitHub Actions'): <c>POST auth/&lt;mount&gt;/login</c> with
/// <c>role</c> and <c>jwt</c>.
/// </summary>
public sealed record JwtAuth : VaultAuthMethod
{
    public JwtAuth()
        : base("jwt")
    {
    }

    /// <summary>The role to log in to; null uses the mount's <c>default_role</c>.</summary>
    public string? Role { get; init; }

    /// <summary>The signed JWT. Never logged.</summary>
    public required string Jwt { get; init; }

    internal override Task<VaultLogin> LoginAsync(LoginEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Jwt, nameof(Jwt));
        var body = JsonSerializer.SerializeToUtf8Bytes(new JwtLoginRequest(Role, Jwt.Trim()), VaultJsonContext.Default.JwtLoginRequest);
        return endpoint.LoginAsync(this, $"auth/{MountPath}/login", body, [Jwt.Trim()], cancellationToken);
    }
}
