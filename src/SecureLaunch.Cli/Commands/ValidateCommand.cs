using System.CommandLine;
using SecureLaunch.Cli.Hosting;

namespace SecureLaunch.Cli.Commands;

/// <summary><c>securelaunch validate</c>: checks the spec offline and reports every error with file:line:column.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.File();
        var set = CommonOptions.Set();
        var command = new Command("validate", "Check the spec offline; every error with file:line:column") { file, set };
        command.SetAction(result =>
        {
            var (spec, path) = SpecCommandBase.Load(context, result.GetValue(file), result.GetValue(set));
            if (spec is null)
            {
                return ExitCodes.LaunchFailed;
            }

            context.Console.Out.WriteLine(
                $"{SpecFileResolver.Display(path!, context.Environment)}: valid ({Count(spec.Containers.Count, "container")}, {(spec.Services.Count > 0 ? Count(spec.Services.Count, "service") + ", " : "")}{Count(spec.Secrets.Count, "secret")})");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
