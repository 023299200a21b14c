using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Cli.Commands;

/// <summary>Loading and reporting a spec, the same way for every verb that takes one.</summary>
internal static class SpecCommandBase
{
    /// <summary>
    /// Loads the spec, with <c>${VAR}</c> values from <paramref name="envFiles"/> ahead of the environment, printing
    /// every error on its own line; null when it is not valid.
    /// </summary>
    public static (RunSpec? Spec, string? Path) Load(CliContext context, string? fileFlag, string[]? overrides, string[]? envFiles = null)
    {
        var (result, path) = LoadResult(context, fileFlag, overrides, envFiles);
        return (result?.Spec, path);
    }

    /// <summary>As <see cref="Load"/>, with the spec's resolved values too (<c>deploy</c> hands them to the agent).</summary>
    public static (SpecLoadResult? Result, string? Path) LoadResult(CliContext context, string? fileFlag, string[]? overrides, string[]? envFiles = null)
    {
        var variables = LoadEnvFiles(context, envFiles);
        if (variables is null)
        {
            return (null, null);
        }

        var path = SpecFileResolver.Resolve(fileFlag, context.Environment, out var error);
        if (path is null)
        {
            context.Console.WriteError(error!);
            return (null, null);
        }

        var display = SpecFileResolver.Display(path, context.Environment);
        var result = new SpecLoader(context.Environment, variables).LoadFile(path, overrides ?? [], display);
        foreach (var diagnostic in result.Errors)
        {
            context.Console.WriteError(diagnostic);
        }

        return (result.IsValid ? result : null, path);
    }

    /// <summary>
    /// The Vault settings of the spec named by <paramref name="specFile"/>, or null settings when no spec is named
    /// (the caller then uses VAULT_ADDR). False when the named spec is not valid; its errors are printed.
    /// </summary>
    public static bool TryLoadVaultSettings(CliContext context, string? specFile, out VaultSettings? settings, string[]? envFiles = null)
    {
        settings = null;
        if (specFile is null)
        {
            return true;
        }

        var (spec, _) = Load(context, specFile, [], envFiles);
        settings = spec?.Vault;
        return spec is not null;
    }

    /// <summary>The <c>--env-file</c> variables (none without the flag), or null after printing the one-line error.</summary>
    private static IReadOnlyDictionary<string, string>? LoadEnvFiles(CliContext context, string[]? envFiles)
    {
        if (envFiles is not { Length: > 0 })
        {
            return EnvFileResult.None.Variables;
        }

        var paths = envFiles.Select(f => Path.GetFullPath(f, context.Environment.CurrentDirectory)).ToList();
        var result = EnvFile.Load(paths, context.Environment, p => SpecFileResolver.Display(p, context.Environment));
        if (result.Error is not null)
        {
            context.Console.WriteError(result.Error);
            return null;
        }

        return result.Variables;
    }
}
