using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Spec.Shape;
using SecureLaunch.Core.Swarm;
using SecureLaunch.Core.Templates;

namespace SecureLaunch.Core.Spec;

internal sealed partial class SpecBinder
{
    private const int MaxServiceNameLength = 63;
    private const int MaxSecretNameLength = 64;

    private List<ServiceDefinition> BindServices(IConfigurationSection section, string launchName, IReadOnlySet<string> secretNames)
    {
        var services = new List<ServiceDefinition>();
        foreach (var entry in Ordered(section))
        {
            if (!SpecNames.IsValidName(entry.Key))
            {
                Error(entry.Path, $"service name '{entry.Key}' must start with a letter and hold only letters, digits, '_' or '-'");
                continue;
            }

            CheckKeys(entry, entry.Path, SpecShape.Service, handled: "runtime");
            if (SwarmNames.ServiceLength(launchName, entry.Key) > MaxServiceNameLength)
            {
                Error(entry.Path, $"service '{entry.Key}' would be named '{SwarmNames.Service(launchName, entry.Key, new string('x', SwarmNames.LaunchIdLength))}', longer than Swarm's {MaxServiceNameLength} characters; shorten the launch or service name");
            }

            var image = entry["image"]?.Trim();
            if (string.IsNullOrEmpty(image))
            {
                Error(entry.Path, $"service '{entry.Key}' needs an 'image', e.g. busybox:stable");
            }

            if (entry["runtime"] is not null)
            {
                Error(ConfigurationPath.Combine(entry.Path, "runtime"), "services run with the daemon's default runtime, which a service cannot choose; 'runtime' is for containers");
            }

            var exposure = BindExposure(entry);
            var env = BindEnv(entry.GetSection("env"), secretNames);
            if (exposure == EnvExposure.Hidden && env.Count > 0)
            {
                CheckSecretName(entry.Path, launchName, entry.Key, SwarmNames.EnvEntry);
            }

            services.Add(new ServiceDefinition
            {
                Name = entry.Key,
                Image = image ?? string.Empty,
                Command = ReadList(entry.GetSection("command"), "command"),
                Entrypoint = ReadList(entry.GetSection("entrypoint"), "entrypoint"),
                Env = env,
                Exposure = exposure,
                Secrets = BindServiceSecrets(entry.GetSection("secrets"), launchName, entry.Key, secretNames),
                Replicas = ReadInt(entry, "replicas", 0, 1000) ?? 1,
                Labels = BindLabels(entry.GetSection("labels")),
                Constraints = BindConstraints(entry.GetSection("constraints")),
                Update = BindUpdate(entry.GetSection("update")),
                Restart = BindServiceRestart(entry.GetSection("restart")),
                Isolation = BindIsolation(entry),
                User = NullIfEmpty(entry["user"]),
                WorkingDirectory = NullIfEmpty(entry["workingDir"]),
                Location = _map.Locate(entry.Path),
            });
        }

        return services;
    }

    private List<ServiceSecretDefinition> BindServiceSecrets(IConfigurationSection section, string launchName, string service, IReadOnlySet<string> secretNames)
    {
        var secrets = new List<ServiceSecretDefinition>();
        if (section.Value is not null)
        {
            ValueError(section.Path, "secrets must be a list, e.g. [{ target: db_password, content: \"{{ db.password }}\" }]");
            return secrets;
        }

        var targets = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Ordered(section))
        {
            CheckKeys(entry, entry.Path, SpecShape.ServiceSecret);
            var target = entry["target"];
            if (!IsServiceSecretTarget(target))
            {
                Error(entry.Path, "each secret needs a 'target': a file name under /run/secrets (db_password) or an absolute path (/etc/app/key.pem)");
                continue;
            }

            if (!targets.Add(target))
            {
                ValueError(ConfigurationPath.Combine(entry.Path, "target"), $"'{target}' is the target of another secret of this service");
                continue;
            }

            var name = entry["name"] ?? target[(target.LastIndexOf('/') + 1)..];
            if (!SwarmNames.IsValidEntry(name) || name == SwarmNames.EnvEntry)
            {
                var where = entry["name"] is null ? ConfigurationPath.Combine(entry.Path, "target") : ConfigurationPath.Combine(entry.Path, "name");
                ValueError(where, name == SwarmNames.EnvEntry
                    ? $"'{SwarmNames.EnvEntry}' is the name SecureLaunch gives the hidden env; give this secret another 'name:'"
                    : $"'{name}' cannot name a Swarm secret: give the secret a 'name:' of letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
                continue;
            }

            if (!names.Add(name))
            {
                Error(entry.Path, $"another secret of service '{service}' is already named '{name}'; give one a 'name:'");
                continue;
            }

            CheckSecretName(entry.Path, launchName, service, name);
            var content = entry["content"];
            var template = content is null ? null : ParseTemplate(ConfigurationPath.Combine(entry.Path, "content"), content, secretNames);
            if (content is null)
            {
                Error(entry.Path, $"secret '{target}' needs a 'content', e.g. \"{{{{ mysecret.field }}}}\"");
            }

            var mode = ReadMode(entry);
            var uid = ReadInt(entry, "uid", 0, int.MaxValue);
            var gid = ReadInt(entry, "gid", 0, int.MaxValue);
            if (template is not null)
            {
                secrets.Add(new ServiceSecretDefinition
                {
                    Name = name,
                    Target = target,
                    Content = template,
                    Mode = mode,
                    Uid = uid ?? 0,
                    Gid = gid ?? 0,
                    Location = _map.Locate(entry.Path),
                });
            }
        }

        return secrets;
    }

    private void CheckSecretName(string path, string launchName, string service, string entry)
    {
        var slot = SwarmNames.Slot(service, entry);
        var length = SwarmNames.SecretLength(launchName, slot);
        if (length > MaxSecretNameLength)
        {
            Error(path, $"the Swarm secret for '{slot}' would be named with {length} characters, more than Swarm's {MaxSecretNameLength}; shorten the launch, service or secret name");
        }
    }

    private static bool IsServiceSecretTarget([NotNullWhen(true)] string? target) =>
        target is not null
        && (SwarmNames.IsValidEntry(target)
            || (target.StartsWith('/') && !target.EndsWith('/') && !target.StartsWith("/.securelaunch", StringComparison.Ordinal) && !target.Contains("//", StringComparison.Ordinal)));
}
