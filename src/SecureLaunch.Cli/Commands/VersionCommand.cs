using System.CommandLine;
using System.Reflection;
using SecureLaunch.Cli.Hosting;

namespace SecureLaunch.Cli.Commands;

/// <summary><c>securelaunch version</c>.</summary>
internal static class VersionCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("version", "Print the SecureLaunch version");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            context.Console.Out.WriteLine($"securelaunch {version} (.NET {Environment.Version})");
            return ExitCodes.Success;
        });
        return command;
    }
}
