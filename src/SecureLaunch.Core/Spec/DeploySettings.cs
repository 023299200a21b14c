namespace SecureLaunch.Core.Spec;

/// <summary>The spec's <c>deploy:</c> section: how <c>securelaunch deploy</c> has Vault make the launch's own token.</summary>
public sealed record DeploySettings
{
    /// <summary>The token role the launch token is created through, <c>securelaunch-deploy</c> unless set.</summary>
    public const string DefaultRole = "securelaunch-deploy";

    public static DeploySettings Default { get; } = new();

    /// <summary>
    /// The token role (<c>auth/token/roles/NAME</c>): it should be periodic and orphan, with <c>allowed_policies</c> no
    /// wider than the launch needs (docs/deploy.md).
    /// </summary>
    public string Role { get; init; } = DefaultRole;

    /// <summary>The policies asked for; empty takes the role's allowed policies.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];

    /// <summary>Where the section is, for errors.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.Of("deploy");
}
