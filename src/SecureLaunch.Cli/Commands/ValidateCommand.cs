using System.CommandLine;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;

namespace SecureLaunch.Cli.Commands;

/// <summary><c>securelaunch validate</c>: checks the spec offline and reports every error with file:line:column.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.File();
        var set = CommonOptions.Set();
        var envFile = CommonOptions.EnvFile();
        var output = CommonOptions.Output();
        var command = new Command("validate", "Check the spec offline; every error with file:line:column") { file, set, envFile, output };
        command.SetAction((result, _) => OutputFormats.RunAsync(
            context, result.GetValue(output), c => Task.FromResult(Validate(c, result.GetValue(file), result.GetValue(set), result.GetValue(envFile)))));
        return command;
    }

    private static int Validate(CliContext context, string? file, string[]? overrides, string[]? envFiles)
    {
        var (spec, path) = SpecCommandBase.Load(context, file, overrides, envFiles);
        if (spec is null)
        {
            return ExitCodes.LaunchFailed;
        }

        var display = SpecFileResolver.Display(path!, context.Environment);
        if (context.Console.Json is { } json)
        {
            json.Write("spec_valid", j =>
            {
                j.WriteString("file", display);
                j.WriteNumber("containers", spec.Containers.Count);
                j.WriteNumber("services", spec.Services.Count);
                j.WriteNumber("secrets", spec.Secrets.Count);
            });
        }
        else
        {
            var services = spec.Services.Count > 0 ? Count(spec.Services.Count, "service") + ", " : string.Empty;
            context.Console.Out.WriteLine($"{display}: valid ({Count(spec.Containers.Count, "container")}, {services}{Count(spec.Secrets.Count, "secret")})");
        }

        return ExitCodes.Success;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
