using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Cli.Commands;

/// <summary>Loading and reporting a spec, the same way for every verb that takes one.</summary>
internal static class SpecCommandBase
{
    /// <summary>Loads the spec, printing every error on its own line; null when it is not valid.</summary>
    public static (RunSpec? Spec, string? Path) Load(CliContext context, string? fileFlag, string[]? overrides)
    {
        var path = SpecFileResolver.Resolve(fileFlag, context.Environment, out var error);
        if (path is null)
        {
            context.Console.WriteError(error!);
            return (null, null);
        }

        var display = SpecFileResolver.Display(path, context.Environment);
        var result = new SpecLoader(context.Environment).LoadFile(path, overrides ?? [], display);
        foreach (var diagnostic in result.Errors)
        {
            context.Console.WriteError(diagnostic.ToString());
        }

        return (result.Spec, path);
    }
}
