namespace SecureLaunch.DevVault;

/// <summary>A seeded userpass user at <c>auth/userpass/users/:username</c>.</summary>
/// <param name="Password">The password (kept only as a salted hash once the server starts).</param>
public sealed record DevUserpassUser(string Password)
{
    /// <summary>The tokens a login gets.</summary>
    public DevTokenSettings Token { get; init; } = DevTokenSettings.Default;

    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"DevUserpassUser {{ Token = {Token} }}";
}
