using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Host;

namespace SecureLaunch.Core.Spec;

/// <summary>
/// Loads a run spec in layers (the YAML file, then <c>SECURELAUNCH__*</c> environment variables,
/// then <c>--set key=value</c> flags) and validates it once into an immutable <see cref="RunSpec"/>.
/// </summary>
public sealed class SpecLoader
{
    /// <summary>Environment variables with this prefix override spec keys: <c>SECURELAUNCH__CONTAINERS__WEB__IMAGE</c>.</summary>
    public const string EnvironmentPrefix = "SECURELAUNCH__";

    private readonly ISystemEnvironment _environment;

    public SpecLoader(ISystemEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
    }

    /// <summary>Reads and validates the spec file at <paramref name="path"/>; errors name it <paramref name="displayName"/>.</summary>
    public SpecLoadResult LoadFile(string path, IReadOnlyList<string> overrides, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        displayName ??= path;
        if (!_environment.FileExists(path))
        {
            return new SpecLoadResult(null, [new SpecDiagnostic(SourceLocation.Of(displayName), "no such file")]);
        }

        string yaml;
        try
        {
            yaml = _environment.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SpecLoadResult(null, [new SpecDiagnostic(SourceLocation.Of(displayName), $"cannot read the file: {ex.Message}")]);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path, _environment.CurrentDirectory)) ?? _environment.CurrentDirectory;
        return Load(yaml, displayName, DefaultName(Path.GetFileName(directory)), overrides, directory);
    }

    /// <summary>
    /// Validates spec text; <paramref name="source"/> names it in errors, and relative bind-mount sources are resolved
    /// against <paramref name="baseDirectory"/> (the spec file's directory; the current directory when null).
    /// </summary>
    public SpecLoadResult Load(string yaml, string source, string defaultName, IReadOnlyList<string> overrides, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(overrides);
        var errors = new List<SpecDiagnostic>();
        var map = new SpecSourceMap(SourceLocation.Of(source));
        var values = YamlSpecReader.Read(yaml, source, _environment.GetVariable, map, errors);
        if (errors.Count > 0 && values.Count == 0)
        {
            return new SpecLoadResult(null, InReadingOrder(errors));
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values)
            .AddInMemoryCollection(EnvironmentOverrides(map))
            .AddInMemoryCollection(FlagOverrides(overrides, map, errors))
            .Build();
        var binder = new SpecBinder(source, map, errors)
        {
            BaseDirectory = baseDirectory ?? _environment.CurrentDirectory,
            HomeDirectory = _environment.HomeDirectory,
        };
        var spec = binder.Bind(configuration, defaultName);
        return new SpecLoadResult(errors.Count == 0 ? spec : null, InReadingOrder(errors));
    }

    /// <summary>Errors by their position in the file; those from overrides last, in the order found.</summary>
    private static SpecDiagnostic[] InReadingOrder(List<SpecDiagnostic> errors) =>
        [.. errors.OrderBy(e => e.Location.Line == 0 ? int.MaxValue : e.Location.Line).ThenBy(e => e.Location.Column)];

    private Dictionary<string, string?> EnvironmentOverrides(SpecSourceMap map)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in _environment.GetVariables())
        {
            if (name.Length > EnvironmentPrefix.Length && name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var key = name[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                result[key] = value;
                map.Record(key, SourceLocation.Of($"environment variable {name}"));
                map.ForgetValue(key);
            }
        }

        return result;
    }

    private static Dictionary<string, string?> FlagOverrides(IReadOnlyList<string> overrides, SpecSourceMap map, List<SpecDiagnostic> errors)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in overrides)
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add(new SpecDiagnostic(SourceLocation.Of($"--set {item}"), "expected key=value, e.g. --set containers.web.image=busybox:stable"));
                continue;
            }

            var key = item[..equals].Trim().Replace(".", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            if (IsSecretMaterial(key))
            {
                errors.Add(new SpecDiagnostic(
                    SourceLocation.Of($"--set {item[..equals].Trim()}"),
                    "secret material is not taken from the command line, where other users can read it; put it in a file or an environment variable (the ...File and ...Env keys)"));
                continue;
            }

            result[key] = item[(equals + 1)..];
            map.Record(key, SourceLocation.Of($"--set {item[..equals].Trim()}"));
            map.ForgetValue(key);
        }

        return result;
    }

    /// <summary>Spec keys whose value is itself a credential (not a file name or variable name).</summary>
    private static bool IsSecretMaterial(string key)
    {
        var parts = key.Split(ConfigurationPath.KeyDelimiter);
        return parts.Length >= 3 && parts[0].Equals("vault", StringComparison.OrdinalIgnoreCase)
            && ((parts[1].Equals("auth", StringComparison.OrdinalIgnoreCase)
                 && parts[2].ToLowerInvariant() is "token" or "roleid" or "secretid" or "wrappedsecretid" or "password" or "jwt")
                || (parts[1].Equals("unseal", StringComparison.OrdinalIgnoreCase) && parts[2].Equals("keys", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>A launch name from a directory name, as Compose derives a project name.</summary>
    private static string DefaultName(string directory)
    {
        var cleaned = new string([.. directory.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')]);
        return cleaned.Length > 0 && char.IsAsciiLetter(cleaned[0]) ? cleaned[..Math.Min(cleaned.Length, 63)] : "launch";
    }
}
