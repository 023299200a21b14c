using System.CommandLine;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Cli.Commands;

/// <summary>Options <c>deploy</c>, <c>undeploy</c> and <c>agent</c> share, and reading their durations.</summary>
internal static class DeployOptions
{
    public static Option<string> Timeout() => new("--timeout")
    {
        Description = "How long to wait for the agent's answer, the services' convergence included",
        DefaultValueFactory = _ => "5m",
        HelpName = "duration",
    };

    /// <summary>A duration such as <c>90s</c> or <c>5m</c>; an error line otherwise.</summary>
    public static bool TryDuration(CliContext context, string option, string text, out TimeSpan value)
    {
        if (Durations.TryParse(text, out value) && value > TimeSpan.Zero)
        {
            return true;
        }

        context.Console.WriteError($"{option} '{text}': must be a duration such as 90s, 5m or 1h");
        return false;
    }
}
