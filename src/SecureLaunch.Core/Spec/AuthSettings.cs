namespace SecureLaunch.Core.Spec;

/// <summary>The spec's <c>vault.auth:</c> section, validated. <see cref="ToString"/> never shows a credential.</summary>
public sealed record AuthSettings
{
    public AuthMethod Method { get; init; } = AuthMethod.Token;

    /// <summary>Where the auth method is mounted; defaults to the method's name (<c>approle</c>, <c>jwt</c>, ...).</summary>
    public string Mount { get; init; } = "token";

    /// <summary>Method token: a token written in the spec; null means <c>VAULT_TOKEN</c>, then <c>~/.vault-token</c>.</summary>
    public CredentialSource? Token { get; init; }

    /// <summary>AppRole: the role id.</summary>
    public CredentialSource? RoleId { get; init; }

    /// <summary>AppRole: the secret id, or the response-wrapping token that holds it when <see cref="SecretIdWrapped"/>.</summary>
    public CredentialSource? SecretId { get; init; }

    /// <summary>AppRole: <see cref="SecretId"/> is a wrapping token to unwrap through <c>sys/wrapping/unwrap</c>.</summary>
    public bool SecretIdWrapped { get; init; }

    /// <summary>AppRole: delete the secret-id file once read, as Vault Agent's <c>remove_secret_id_file_after_reading</c>.</summary>
    public bool RemoveSecretIdFile { get; init; }

    /// <summary>Userpass: the user name (not a secret).</summary>
    public string? Username { get; init; }

    /// <summary>Userpass: the password.</summary>
    public CredentialSource? Password { get; init; }

    /// <summary>JWT and Kubernetes: the Vault role to log in as.</summary>
    public string? Role { get; init; }

    /// <summary>JWT: the token; Kubernetes: the service-account token (default file <see cref="KubernetesTokenFile"/>).</summary>
    public CredentialSource? Jwt { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>Where Kubernetes mounts a pod's service-account token.</summary>
    public const string KubernetesTokenFile = "/var/run/secrets/kubernetes.io/serviceaccount/token";

    /// <summary>Whether SecureLaunch creates the token by logging in (and so revokes it at the end).</summary>
    public bool CreatesToken => Method != AuthMethod.Token;

    public override string ToString() => $"AuthSettings {{ Method = {Method}, Mount = {Mount} }}";
}
