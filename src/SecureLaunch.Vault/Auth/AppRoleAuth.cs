using System.Text.Json;
using SecureLaunch.Vault.Json;

namespace SecureLaunch.Vault.Auth;

/// <summary>
/// AppRole: <c>POST auth/&lt;mount&gt;/login</c> with <c>role_id</c> and <c>secret_id</c>. The secret-id is given
/// plainly or response-wrapped (<see cref="WrappedSecretId"/>), or left out for a role without <c>bind_secret_id</c>.
/// </summary>
public sealed record AppRoleAuth : VaultAuthMethod
{
    public AppRoleAuth()
        : base("approle")
    {
    }

    /// <summary>The role's RoleID. Not a secret on its own, but not logged either.</summary>
    public required string RoleId { get; init; }

    /// <summary>The SecretID. Never logged.</summary>
    public string? SecretId { get; init; }

    /// <summary>
    /// A wrapping token holding the SecretID (<c>X-Vault-Wrap-TTL</c> on <c>.../secret-id</c>): unwrapped through
    /// <c>sys/wrapping/unwrap</c> just before the login. Usable once; a second use fails with
    /// <see cref="VaultErrorKind.WrappingTokenInvalid"/>. Never logged.
    /// </summary>
    public string? WrappedSecretId { get; init; }

    internal override async Task<VaultLogin> LoginAsync(LoginEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(RoleId, nameof(RoleId));
        if (SecretId is not null && WrappedSecretId is not null)
        {
            throw new ArgumentException("Give the AppRole secret-id either plainly or wrapped, not both.", nameof(WrappedSecretId));
        }

        // IDs read from a file usually end in a line break; none of them can hold whitespace.
        var roleId = RoleId.Trim();
        var secretId = WrappedSecretId is null ? SecretId?.Trim() : await endpoint.UnwrapSecretIdAsync(WrappedSecretId.Trim(), cancellationToken);
        var body = JsonSerializer.SerializeToUtf8Bytes(new AppRoleLoginRequest(roleId, secretId), VaultJsonContext.Default.AppRoleLoginRequest);
        string[] sensitive = secretId is null ? [roleId] : [roleId, secretId];
        return await endpoint.LoginAsync(this, $"auth/{MountPath}/login", body, sensitive, cancellationToken);
    }
}
