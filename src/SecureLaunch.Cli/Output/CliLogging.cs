using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;

namespace SecureLaunch.Cli.Output;

/// <summary>Logger categories as the CLI's outputs tell them apart.</summary>
internal static class CliLogging
{
    /// <summary>The category the launch (Core) logs under; the Vault client and Docker engine log under their type names.</summary>
    public const string LaunchCategory = "securelaunch";

    /// <summary>Loggers writing SecureLaunch's own lines to the console's stderr at <paramref name="level"/> and above, for verbs without <c>--output</c>.</summary>
    public static ILoggerFactory ToStandardError(CliConsole console, LogLevel level)
    {
        ArgumentNullException.ThrowIfNull(console);
        return LoggerFactory.Create(b => b.SetMinimumLevel(level).AddProvider(new CliLoggerProvider(console.Error, level, console.UseColor)));
    }

    /// <summary><c>SecureLaunch.Vault.VaultClient</c> gives <c>vault.</c>, <c>SecureLaunch.Docker.DockerEngine</c> gives <c>docker.</c>.</summary>
    public static string LibraryPrefix(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        var parts = category.Split('.');
        var name = parts.Length > 1 && parts[0] == "SecureLaunch" ? parts[1] : parts[0];
        return name.ToLowerInvariant() + ".";
    }
}
