using SecureLaunch.Core.Launching;
using SecureLaunch.DevVault;
using SecureLaunch.Docker;
using SecureLaunch.Vault;

namespace SecureLaunch.Cli.Hosting;

/// <summary>Which exceptions are failures we explain in one line (exit 125) rather than bugs with a stack trace.</summary>
internal static class Failures
{
    public static bool IsExpected(Exception exception) => exception is
        LaunchException or VaultException or DockerEngineException or DevVaultSeedException or OperationCanceledException;

    public static string Describe(Exception exception) => exception switch
    {
        OperationCanceledException => "interrupted before the launch started",
        _ => exception.Message.ReplaceLineEndings(" "),
    };
}
