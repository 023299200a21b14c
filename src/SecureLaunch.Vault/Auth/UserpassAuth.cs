using System.Text.Json;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Auth;

/// <summary>Userpass: <c>POST auth/&lt;mount&gt;/login/&lt;username&gt;</c> with <c>password</c>.</summary>
public sealed record UserpassAuth : VaultAuthMethod
{
    public UserpassAuth()
        : base("userpass")
    {
    }

    /// <summary>The user name; part of the URL, so it shows in paths (it is not a secret).</summary>
    public required string Username { get; init; }

    /// <summary>The password. Never logged.</summary>
    public required string Password { get; init; }

    internal override Task<VaultLogin> LoginAsync(LoginEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Username, nameof(Username));
        ArgumentException.ThrowIfNullOrEmpty(Password, nameof(Password));
        if (Username.Contains('/', StringComparison.Ordinal) || Username.Trim() != Username)
        {
            throw new ArgumentException("A userpass user name cannot contain '/' or surrounding spaces.", nameof(Username));
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new UserpassLoginRequest(Password), VaultJsonContext.Default.UserpassLoginRequest);
        return endpoint.LoginAsync(this, $"auth/{MountPath}/login/{Username}", body, [Password], cancellationToken);
    }
}
