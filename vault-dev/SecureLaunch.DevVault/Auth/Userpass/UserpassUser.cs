namespace SecureLaunch.DevVault.Auth.Userpass;

/// <summary>A userpass user. Mutable, guarded by the state lock.</summary>
internal sealed class UserpassUser
{
    public required PasswordHash Password { get; set; }

    public TokenParams Token { get; set; } = new();
}
