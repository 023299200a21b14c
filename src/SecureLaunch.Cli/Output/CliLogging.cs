namespace SecureLaunch.Cli.Output;

/// <summary>Logger categories as the CLI's outputs tell them apart.</summary>
internal static class CliLogging
{
    /// <summary>The category the launch (Core) logs under; the Vault client and Docker engine log under their type names.</summary>
    public const string LaunchCategory = "securelaunch";

    /// <summary><c>SecureLaunch.Vault.VaultClient</c> gives <c>vault.</c>, <c>SecureLaunch.Docker.DockerEngine</c> gives <c>docker.</c>.</summary>
    public static string LibraryPrefix(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var parts = category.Split('.');
        var name = parts.Length > 1 && parts[0] == "SecureLaunch" ? parts[1] : parts[0];
        return name.ToLowerInvariant() + ".";
    }
}
