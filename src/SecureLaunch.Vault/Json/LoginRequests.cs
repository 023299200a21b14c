namespace SecureLaunch.Vault.Json;

/// <summary>Body of <c>auth/approle/login</c>; <c>secret_id</c> left out for a role without <c>bind_secret_id</c>.</summary>
internal sealed record AppRoleLoginRequest(string RoleId, string? SecretId)
{
    public override string ToString() => nameof(AppRoleLoginRequest);
}

/// <summary>Body of <c>auth/userpass/login/:username</c>.</summary>
internal sealed record UserpassLoginRequest(string Password)
{
    public override string ToString() => nameof(UserpassLoginRequest);
}

/// <summary>Body of <c>auth/jwt/login</c> and <c>auth/kubernetes/login</c>; <c>role</c> left out for JWT's default role.</summary>
internal sealed record JwtLoginRequest(string? Role, string Jwt)
{
    public override string ToString() => nameof(JwtLoginRequest);
}

/// <summary>Body of <c>auth/token/renew-self</c>: <c>increment</c> as a duration string ("3600s"), left out for the default.</summary>
internal sealed record TokenRenewRequest(string? Increment);
