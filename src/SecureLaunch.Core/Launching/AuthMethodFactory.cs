using SecureLaunch.Core.Host;
using SecureLaunch.Core.Spec;
using SecureLaunch.Vault.Auth;

namespace SecureLaunch.Core.Launching;

/// <summary>Turns the spec's <c>vault.auth</c> into the client's login request, reading credentials from their sources.</summary>
public static class AuthMethodFactory
{
    /// <summary>The login to perform, or null for method token (no login: the token is given).</summary>
    public static VaultAuthMethod? Create(AuthSettings auth, ISystemEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(environment);
        return auth.Method switch
        {
            AuthMethod.Token => null,
            AuthMethod.AppRole => AppRole(auth, environment),
            AuthMethod.Userpass => new UserpassAuth { Mount = auth.Mount, Username = auth.Username!, Password = Read(auth.Password, environment) },
            AuthMethod.Jwt => new JwtAuth { Mount = auth.Mount, Role = auth.Role, Jwt = Read(auth.Jwt, environment) },
            _ => new KubernetesAuth { Mount = auth.Mount, Role = auth.Role!, Jwt = Read(auth.Jwt, environment) },
        };
    }

    private static AppRoleAuth AppRole(AuthSettings auth, ISystemEnvironment environment)
    {
        var secretId = Read(auth.SecretId, environment);
        if (auth.RemoveSecretIdFile && auth.SecretId!.File is { } file)
        {
            // As Vault Agent's remove_secret_id_file_after_reading: a secret id left on disk outlives its use.
            environment.DeleteFile(Path.GetFullPath(file, environment.CurrentDirectory));
        }

        return new AppRoleAuth
        {
            Mount = auth.Mount,
            RoleId = Read(auth.RoleId, environment),
            SecretId = auth.SecretIdWrapped ? null : secretId,
            WrappedSecretId = auth.SecretIdWrapped ? secretId : null,
        };
    }

    private static string Read(CredentialSource? source, ISystemEnvironment environment) =>
        CredentialReader.Read(source ?? throw new InvalidOperationException("the spec binder guarantees this credential"), environment);
}
