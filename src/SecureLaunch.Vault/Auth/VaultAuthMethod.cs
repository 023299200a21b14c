using SecureLaunch.Vault.Http;

namespace SecureLaunch.Vault.Auth;

/// <summary>
/// How the client gets its token: <see cref="TokenAuth"/>, <see cref="AppRoleAuth"/>, <see cref="UserpassAuth"/>,
/// <see cref="JwtAuth"/> or <see cref="KubernetesAuth"/>, passed to <see cref="IVaultClient.LoginAsync"/>. Kept
/// so a renewal loop can log in again with the same method.
/// </summary>
/// <remarks>
/// A closed set: each method is a sealed record here. Credentials are values the caller read from a file or the
/// environment; <see cref="ToString"/> is sealed and prints only the method and mount, so no derived record can
/// print a password, secret-id or JWT.
/// </remarks>
public abstract record VaultAuthMethod
{
    private protected VaultAuthMethod(string type)
    {
        Type = type;
        Mount = type;
    }

    /// <summary>The auth method's type: <c>token</c>, <c>approle</c>, <c>userpass</c>, <c>jwt</c>, <c>kubernetes</c>.</summary>
    public string Type { get; }

    /// <summary>Where the method is mounted, without <c>auth/</c>; defaults to its type (<c>approle</c>).</summary>
    public string Mount { get; init; }

    /// <summary>The mount as request paths spell it; refuses empty, <c>..</c> and similar segments.</summary>
    internal string MountPath
    {
        get
        {
            var mount = VaultPath.Normalize(Mount, nameof(Mount));
            return mount.StartsWith("auth/", StringComparison.Ordinal) ? VaultPath.Normalize(mount[5..], nameof(Mount)) : mount;
        }
    }

    public sealed override string ToString() => $"{Type} auth at auth/{Mount}";

    /// <summary>Logs in; the returned <see cref="VaultLogin"/> holds the new token.</summary>
    internal abstract Task<VaultLogin> LoginAsync(LoginEndpoint endpoint, CancellationToken cancellationToken);
}
