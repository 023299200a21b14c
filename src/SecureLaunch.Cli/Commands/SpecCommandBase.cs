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
            context.Console.WriteError(diagnostic);
        }

        return (result.Spec, path);
    }

    /// <summary>
    /// The Vault settings of the spec named by <paramref name="specFile"/>, or null settings when no spec is named
    /// (the caller then uses VAULT_ADDR). False when the named spec is not valid; its errors are printed.
    /// </summary>
    public static bool TryLoadVaultSettings(CliContext context, string? specFile, out VaultSettings? settings)
    {
        settings = null;
        if (specFile is null)
        {
            return true;
        }

        var (spec, _) = Load(context, specFile, []);
        settings = spec?.Vault;
        return spec is not null;
    }
}
