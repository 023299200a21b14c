using System.Globalization;
using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Spec.Shape;
using SecureLaunch.Core.Templates;

namespace SecureLaunch.Core.Spec;

/// <summary>
/// Turns layered configuration into a <see cref="RunSpec"/>, gathering every error with its
/// location instead of stopping at the first.
/// </summary>
internal sealed partial class SpecBinder
{
    private readonly SpecSourceMap _map;
    private readonly List<SpecDiagnostic> _errors;
    private readonly string _source;

    public SpecBinder(string source, SpecSourceMap map, List<SpecDiagnostic> errors)
    {
        _source = source;
        _map = map;
        _errors = errors;
    }

    public RunSpec? Bind(IConfiguration root, string defaultName)
    {
        CheckKeys(root, string.Empty, SpecShape.Root);
        CheckVersion(root);
        var name = root["name"] ?? defaultName;
        if (!SpecNames.IsValidName(name))
        {
            ValueError("name", $"name '{name}' must start with a letter and hold only letters, digits, '_' or '-' (at most 63)");
        }

        var vault = BindVault(root.GetSection("vault"));
        var secrets = BindSecrets(root.GetSection("secrets"));
        var rotation = BindRotation(root.GetSection("rotation"));
        var deploy = BindDeploy(root.GetSection("deploy"));
        var containers = BindContainers(root.GetSection("containers"), secrets.Select(s => s.Name).ToHashSet(StringComparer.Ordinal));
        var services = BindServices(root.GetSection("services"), name, secrets.Select(s => s.Name).ToHashSet(StringComparer.Ordinal));
        if (containers.Count == 0 && services.Count == 0 && !_errors.Any(e => e.Message.Contains("containers", StringComparison.Ordinal) || e.Message.Contains("service", StringComparison.Ordinal)))
        {
            Error("containers", "the spec has no containers: add at least one under 'containers:' (or a Swarm service under 'services:')");
        }

        CheckReadOnlyRotation(containers, secrets);

        return _errors.Count > 0 ? null : new RunSpec
        {
            Source = _source,
            Name = name,
            Vault = vault,
            Secrets = secrets,
            Containers = containers,
            Rotation = rotation,
            Deploy = deploy,
            Services = services,
            HasDevSeed = root["dev"] is not null,
        };
    }

    private void CheckVersion(IConfiguration root)
    {
        var version = root["version"];
        if (version is null)
        {
            Error(string.Empty, "the spec needs 'version: 1' at the top");
        }
        else if (version != "1")
        {
            ValueError("version", $"version '{version}' is not supported; this SecureLaunch reads version 1");
        }
    }

    private VaultSettings BindVault(IConfigurationSection section)
    {
        CheckKeys(section, "vault", SpecShape.Vault);
        Uri? address = null;
        if (section["address"] is { } text)
        {
            address = ParseAddress(text, "vault:address");
        }

        return new VaultSettings
        {
            Address = address,
            Namespace = NullIfEmpty(section["namespace"]),
            Auth = BindAuth(section.GetSection("auth")),
            Unseal = BindUnseal(section.GetSection("unseal")),
            Tls = BindTls(section.GetSection("tls")),
        };
    }

    private TlsSettings? BindTls(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return null;
        }

        CheckKeys(section, "vault:tls", SpecShape.Tls);
        var skip = section["skipVerify"];
        if (skip is not null and not ("true" or "false"))
        {
            ValueError(ConfigurationPath.Combine(section.Path, "skipVerify"), $"'{skip}' must be true or false");
        }

        return new TlsSettings { CaCertificateFile = NullIfEmpty(section["caCert"]), SkipVerify = skip == "true" };
    }

    private UnsealSettings? BindUnseal(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return null;
        }

        CheckKeys(section, "vault:unseal", SpecShape.Unseal);
        var keys = section.GetSection("keys");
        if (keys.Value is not null)
        {
            ValueError(keys.Path, "keys must be a list, e.g. [\"${UNSEAL_KEY_1}\", \"${UNSEAL_KEY_2}\"]");
        }

        var list = keys.GetChildren()
            .Where(k => !string.IsNullOrEmpty(k.Value))
            .Select(k => new CredentialSource { Value = k.Value, Key = $"vault.unseal.keys[{k.Key}]", Location = _map.LocateValue(k.Path) })
            .ToList();
        var file = NullIfEmpty(section["keysFile"]);
        if (list.Count == 0 && file is null)
        {
            Error(section.Path, "unseal needs 'keys' (usually as ${VAR}) or a 'keysFile'");
        }

        return new UnsealSettings { Keys = list, KeysFile = file, Location = _map.Locate(section.Path) };
    }

    private Uri? ParseAddress(string text, string key)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0)
        {
            return uri;
        }

        ValueError(key, $"'{text}' is not an http:// or https:// address");
        return null;
    }

    /// <summary>
    /// Reports every key of <paramref name="section"/> that <paramref name="shape"/> does not declare, but
    /// <paramref name="handled"/>, a key the caller refuses with a message of its own.
    /// </summary>
    private void CheckKeys(IConfiguration section, string path, SpecObject shape, string? handled = null)
    {
        var allowed = shape.KeyNames.ToList();
        foreach (var child in section.GetChildren())
        {
            var key = path.Length == 0 ? child.Key : ConfigurationPath.Combine(path, child.Key);
            if (allowed.Contains(child.Key, StringComparer.OrdinalIgnoreCase) || child.Key.StartsWith("x-", StringComparison.OrdinalIgnoreCase)
                || string.Equals(child.Key, handled, StringComparison.Ordinal))
            {
                continue;
            }

            var where = path.Length == 0 ? "at the top level" : $"in '{Display(path)}'";
            Error(key, $"unknown key '{child.Key}' {where}{Suggestions.Hint(child.Key, allowed)}");
        }
    }

    private IEnumerable<IConfigurationSection> Ordered(IConfiguration section) =>
        section.GetChildren().OrderBy(c => _map.OrderOf(c.Path)).ThenBy(c => c.Key, StringComparer.Ordinal);

    private IReadOnlyList<string>? ReadList(IConfigurationSection section, string what)
    {
        if (!section.Exists())
        {
            return null;
        }

        if (section.Value is not null)
        {
            ValueError(section.Path, $"{what} must be a list, e.g. [\"sh\", \"-c\", \"echo hi\"]");
            return null;
        }

        return [.. section.GetChildren()
            .OrderBy(c => int.TryParse(c.Key, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue)
            .Select(c => c.Value ?? string.Empty)];
    }

    private int? ReadInt(IConfigurationSection parent, string key, int min, int max)
    {
        var text = parent[key];
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        ValueError(ConfigurationPath.Combine(parent.Path, key), $"'{text}' is not a whole number from {min} to {max}");
        return null;
    }

    private void Error(string key, string message) => _errors.Add(new SpecDiagnostic(_map.Locate(key), message));

    /// <summary>An error about the value of <paramref name="key"/>: points at the value, not at its key.</summary>
    private void ValueError(string key, string message) => _errors.Add(new SpecDiagnostic(_map.LocateValue(key), message));

    private void ErrorAt(SourceLocation location, string message) => _errors.Add(new SpecDiagnostic(location, message));

    private static string Display(string key) => key.Replace(ConfigurationPath.KeyDelimiter, ".", StringComparison.Ordinal);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
