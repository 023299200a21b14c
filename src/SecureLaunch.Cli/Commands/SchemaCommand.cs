using System.CommandLine;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Cli.Commands;

/// <summary><c>securelaunch schema</c>: the spec's JSON Schema (or its Markdown reference), generated from the code.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format")
        {
            Description = "json: the JSON Schema (draft 2020-12) for editors; markdown: the spec reference",
            DefaultValueFactory = _ => "json",
            HelpName = "json|markdown",
        };
        format.AcceptOnlyFromAmong("json", "markdown");
        var command = new Command("schema", "Print the JSON Schema of the run spec, for editor completion and checks in pipelines") { format };
        command.SetAction(result =>
        {
            context.Console.Out.Write(result.GetValue(format) == "markdown" ? SpecSchema.ToMarkdown() : SpecSchema.ToJsonSchema());
            return ExitCodes.Success;
        });
        return command;
    }
}
