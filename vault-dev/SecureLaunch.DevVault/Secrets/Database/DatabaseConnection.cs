namespace SecureLaunch.DevVault.Secrets.Database;

/// <summary>A connection as <c>database/config/:name</c> stores it. Nothing connects; the password is not kept at all.</summary>
internal sealed record DatabaseConnection
{
    public required string PluginName { get; init; }

    public string PluginVersion { get; init; } = string.Empty;

    public IReadOnlyList<string> AllowedRoles { get; init; } = [];

    public string ConnectionUrl { get; init; } = string.Empty;

    public string Username { get; init; } = string.Empty;

    public string PasswordPolicy { get; init; } = string.Empty;

    public IReadOnlyList<string> RootRotationStatements { get; init; } = [];

    /// <summary>Vault's check: the role is listed, or <c>*</c> is, or a glob in the list matches it.</summary>
    public bool Allows(string role) =>
        AllowedRoles.Any(allowed => allowed == "*" || allowed == role || (allowed.EndsWith('*') && role.StartsWith(allowed[..^1], StringComparison.Ordinal)));
}
