using System.Globalization;
using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Spec.Shape;
using SecureLaunch.Core.Templates;

namespace SecureLaunch.Core.Spec;

internal sealed partial class SpecBinder
{
    private List<ContainerDefinition> BindContainers(IConfigurationSection section, IReadOnlySet<string> secretNames)
    {
        var containers = new List<ContainerDefinition>();
        foreach (var entry in Ordered(section))
        {
            if (!SpecNames.IsValidName(entry.Key))
            {
                Error(entry.Path, $"container name '{entry.Key}' must start with a letter and hold only letters, digits, '_' or '-'");
                continue;
            }

            CheckKeys(entry, entry.Path, SpecShape.Container);
            var image = entry["image"]?.Trim();
            if (string.IsNullOrEmpty(image))
            {
                Error(entry.Path, $"container '{entry.Key}' needs an 'image', e.g. busybox:stable");
            }

            CheckTerminal(entry);
            var files = BindFiles(entry.GetSection("files"), secretNames);
            var volumes = BindVolumes(entry.GetSection("volumes"));
            CheckMountTargets(files, volumes);
            var networks = BindNetworks(entry.GetSection("networks"));
            containers.Add(new ContainerDefinition
            {
                Name = entry.Key,
                Image = image ?? string.Empty,
                Command = ReadList(entry.GetSection("command"), "command"),
                Entrypoint = ReadList(entry.GetSection("entrypoint"), "entrypoint"),
                Env = BindEnv(entry.GetSection("env"), secretNames),
                Files = files,
                Isolation = BindIsolation(entry),
                Exposure = BindExposure(entry),
                Runtime = NullIfEmpty(entry["runtime"]),
                User = NullIfEmpty(entry["user"]),
                WorkingDirectory = NullIfEmpty(entry["workingDir"]),
                Ports = BindPorts(entry.GetSection("ports"), networks),
                Volumes = volumes,
                Networks = networks,
                Labels = BindLabels(entry.GetSection("labels")),
                Restart = BindRestart(entry),
                ReadOnlyRootFilesystem = ReadBool(entry, "read_only") ?? false,
                Privileges = BindPrivileges(entry),
                Resources = BindResources(entry),
                Healthcheck = BindHealthcheck(entry.GetSection("healthcheck")),
                Pull = BindPull(entry),
                DependsOn = BindDependsOn(entry.GetSection("depends_on")),
                Location = _map.Locate(entry.Path),
            });
        }

        CheckDependencies(containers);
        CheckPublishedPorts(containers);
        return containers;
    }

    private IsolationMode BindIsolation(IConfigurationSection container)
    {
        var text = container["isolation"];
        if (text is null)
        {
            return IsolationMode.Process;
        }

        if (Enum.TryParse<IsolationMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !char.IsDigit(text[0]))
        {
            return mode;
        }

        ValueError(ConfigurationPath.Combine(container.Path, "isolation"), $"isolation '{text}' must be process, hyperv or sandbox{Suggestions.Hint(text, ["process", "hyperv", "sandbox"])}");
        return IsolationMode.Process;
    }

    private EnvExposure BindExposure(IConfigurationSection container)
    {
        var text = container["exposure"];
        switch (text)
        {
            case null or "hidden":
                return EnvExposure.Hidden;
            case "config":
                return EnvExposure.Config;
            default:
                ValueError(ConfigurationPath.Combine(container.Path, "exposure"), $"exposure '{text}' must be hidden (the default) or config{Suggestions.Hint(text, ["hidden", "config"])}");
                return EnvExposure.Hidden;
        }
    }

    private List<EnvVariable> BindEnv(IConfigurationSection section, IReadOnlySet<string> secretNames)
    {
        var variables = new List<EnvVariable>();
        foreach (var entry in Ordered(section))
        {
            if (!IsEnvName(entry.Key))
            {
                Error(entry.Path, $"'{entry.Key}' is not a valid environment variable name");
                continue;
            }

            if (entry.Value is null)
            {
                Error(entry.Path, $"environment variable {entry.Key} needs a value (write \"\" for an empty one)");
                continue;
            }

            if (ParseTemplate(entry.Path, entry.Value, secretNames) is { } template)
            {
                variables.Add(new EnvVariable(entry.Key, template, _map.Locate(entry.Path)));
            }
        }

        return variables;
    }

    private List<FileDefinition> BindFiles(IConfigurationSection section, IReadOnlySet<string> secretNames)
    {
        var files = new List<FileDefinition>();
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Ordered(section))
        {
            CheckKeys(entry, entry.Path, SpecShape.File);
            var target = entry["target"];
            if (target is null || !target.StartsWith('/') || target.EndsWith('/'))
            {
                Error(entry.Path, "each file needs an absolute 'target' path, e.g. /run/secrets/api_key");
                continue;
            }

            if (IsReserved(target))
            {
                ValueError(ConfigurationPath.Combine(entry.Path, "target"), $"'{target}' is inside {ReservedDirectory}, where SecureLaunch mounts its init and hidden env file");
                continue;
            }

            if (!targets.Add(target))
            {
                ValueError(ConfigurationPath.Combine(entry.Path, "target"), $"'{target}' is the target of another file of this container");
                continue;
            }

            var content = entry["content"];
            var template = content is null
                ? null
                : ParseTemplate(ConfigurationPath.Combine(entry.Path, "content"), content, secretNames);
            if (content is null)
            {
                Error(entry.Path, $"file '{target}' needs a 'content', e.g. \"{{{{ mysecret.field }}}}\"");
            }

            var mode = ReadMode(entry);
            var uid = ReadInt(entry, "uid", 0, int.MaxValue);
            var gid = ReadInt(entry, "gid", 0, int.MaxValue);
            if (template is not null)
            {
                files.Add(new FileDefinition { Target = target, Content = template, Mode = mode, Uid = uid, Gid = gid, Location = _map.Locate(entry.Path) });
            }
        }

        return files;
    }

    private UnixFileMode ReadMode(IConfigurationSection file)
    {
        var text = file["mode"];
        if (text is null)
        {
            return UnixFileMode.UserRead;
        }

        try
        {
            var value = Convert.ToInt32(text, 8);
            if (value is >= 0 and <= 0x1FF)
            {
                return (UnixFileMode)value;
            }
        }
        catch (FormatException)
        {
        }

        ValueError(ConfigurationPath.Combine(file.Path, "mode"), $"mode '{text}' must be an octal file mode from 0000 to 0777, e.g. \"0400\"");
        return UnixFileMode.UserRead;
    }

    private Template? ParseTemplate(string key, string text, IReadOnlySet<string> secretNames)
    {
        var template = Template.Parse(text, out var error, out var errorOffset);
        if (template is null)
        {
            ErrorAt(_map.LocateValue(key, errorOffset), error!);
            return null;
        }

        var ok = true;
        foreach (var part in template.Parts)
        {
            if (part.Reference is { } reference && !secretNames.Contains(reference.Secret))
            {
                ErrorAt(_map.LocateValue(key, part.Offset), $"'{{{{ {reference} }}}}' refers to an unknown secret '{reference.Secret}'{Suggestions.Hint(reference.Secret, secretNames)}");
                ok = false;
            }
        }

        return ok ? template : null;
    }

    private static bool IsEnvName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
