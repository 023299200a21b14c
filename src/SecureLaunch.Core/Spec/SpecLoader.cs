using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Host;
using SecureLaunch.Core.Spec.Shape;

namespace SecureLaunch.Core.Spec;

/// <summary>
/// Loads a run spec in layers (the YAML file, then <c>SECURELAUNCH__*</c> environment variables,
/// then <c>--set key=value</c> flags) and validates it once into an immutable <see cref="RunSpec"/>.
/// </summary>
public sealed class SpecLoader
{
    /// <summary>Environment variables with this prefix override spec keys: <c>SECURELAUNCH__CONTAINERS__WEB__IMAGE</c>.</summary>
    public const string EnvironmentPrefix = "SECURELAUNCH__";

    /// <summary>Values of <c>--env-file</c> variables no shorter than this are blotted out of error messages.</summary>
    private const int ShortestScrubbedValue = 4;

    private readonly ISystemEnvironment _environment;
    private readonly IReadOnlyDictionary<string, string> _variables;

    public SpecLoader(ISystemEnvironment environment)
        : this(environment, new Dictionary<string, string>())
    {
    }

    /// <summary>
    /// A loader whose <c>${VAR}</c> interpolation looks in <paramref name="variables"/> (from <c>--env-file</c>) before
    /// the environment. Their values are treated as possibly secret: they never appear in an error message.
    /// </summary>
    public SpecLoader(ISystemEnvironment environment, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(variables);
        _environment = environment;
        _variables = variables;
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
        var values = YamlSpecReader.Read(yaml, source, Lookup, map, errors);
        if (errors.Count > 0 && values.Count == 0)
        {
            return new SpecLoadResult(null, Scrub(InReadingOrder(errors)));
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
        return errors.Count == 0 && spec is not null
            ? new SpecLoadResult(spec, []) { Values = Portable(configuration, spec.Name) }
            : new SpecLoadResult(null, Scrub(InReadingOrder(errors)));
    }

    /// <summary>
    /// Validates a spec given as resolved configuration keys (<see cref="SpecLoadResult.Values"/>); <paramref name="source"/>
    /// names it in errors. Nothing is interpolated or overridden: the values were resolved where they came from.
    /// </summary>
    public static SpecLoadResult LoadValues(IReadOnlyDictionary<string, string> values, string source)
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = new List<SpecDiagnostic>();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)))
            .Build();
        var binder = new SpecBinder(source, new SpecSourceMap(SourceLocation.Of(source)), errors) { BaseDirectory = "/", HomeDirectory = "/" };
        var spec = binder.Bind(configuration, values.GetValueOrDefault("name") ?? "launch");
        return new SpecLoadResult(errors.Count == 0 ? spec : null, errors) { Values = values };
    }

    /// <summary>The keys another process can bind the same spec from, without anything only this one may know.</summary>
    private static Dictionary<string, string> Portable(IConfiguration configuration, string name)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["name"] = name };
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            var path = key.Split(ConfigurationPath.KeyDelimiter);
            var dropped = value is null
                || path[0].Equals("dev", StringComparison.OrdinalIgnoreCase)
                || (path.Length > 1 && path[0].Equals("vault", StringComparison.OrdinalIgnoreCase) && path[1] is var section
                    && (section.Equals("auth", StringComparison.OrdinalIgnoreCase) || section.Equals("unseal", StringComparison.OrdinalIgnoreCase)))
                || SpecShape.IsSecretMaterial(path);
            if (!dropped)
            {
                values[key] = value!;
            }
        }

        return values;
    }

    private string? Lookup(string name) => _variables.TryGetValue(name, out var value) ? value : _environment.GetVariable(name);

    /// <summary>Messages that quote a value (<c>isolation 'x' must be ...</c>) must not show one that came from an env file.</summary>
    private SpecDiagnostic[] Scrub(SpecDiagnostic[] errors)
    {
        var values = _variables.Values.Where(v => v.Length >= ShortestScrubbedValue).OrderByDescending(v => v.Length).ToList();
        if (values.Count == 0)
        {
            return errors;
        }

        return [.. errors.Select(e => e with
        {
            Message = values.Aggregate(e.Message, (message, value) => message.Replace(value, "*****", StringComparison.Ordinal)),
        })];
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

    /// <summary>Spec keys whose value is itself a credential (not a file name or variable name): <see cref="SpecShape"/> marks them.</summary>
    private static bool IsSecretMaterial(string key) => SpecShape.IsSecretMaterial(key.Split(ConfigurationPath.KeyDelimiter));

    /// <summary>A launch name from a directory name, as Compose derives a project name.</summary>
    private static string DefaultName(string directory)
    {
        var cleaned = new string([.. directory.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')]);
        return cleaned.Length > 0 && char.IsAsciiLetter(cleaned[0]) ? cleaned[..Math.Min(cleaned.Length, 63)] : "launch";
    }
}
