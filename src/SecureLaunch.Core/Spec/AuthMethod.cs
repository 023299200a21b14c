namespace SecureLaunch.Core.Spec;

/// <summary>How SecureLaunch logs in to Vault (<c>vault.auth.method</c>).</summary>
public enum AuthMethod
{
    /// <summary>A token given to us: the spec, <c>VAULT_TOKEN</c> or <c>~/.vault-token</c>. Never revoked by us.</summary>
    Token,

    /// <summary>AppRole: role id and secret id (plain or response-wrapped).</summary>
    AppRole,

    /// <summary>Username and password.</summary>
    Userpass,

    /// <summary>A JWT from the CI system (GitHub Actions, GitLab) against a JWT role.</summary>
    Jwt,

    /// <summary>A Kubernetes service-account token against a Kubernetes role.</summary>
    Kubernetes,
}
