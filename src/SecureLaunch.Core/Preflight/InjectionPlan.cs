using System.Globalization;
using SecureLaunch.Core.Spec;
using SecureLaunch.Core.Templates;

namespace SecureLaunch.Core.Preflight;

/// <summary>What <c>plan</c> shows a launch would inject where: from the spec alone, so it needs no secret.</summary>
public static class InjectionPlan
{
    public static IReadOnlyList<PlannedInjection> Describe(RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rows = new List<PlannedInjection>();
        foreach (var container in spec.Containers)
        {
            var how = container.Exposure == EnvExposure.Hidden
                ? "hidden from docker inspect"
                : "visible in docker inspect (exposure: config)";
            rows.AddRange(container.Env.Select(e => new PlannedInjection(container.Name, "env", e.Name, From(e.Value), how)));
            rows.AddRange(container.Files.Select(f => new PlannedInjection(container.Name, "file", f.Target, From(f.Content), FileHow(f))));
        }

        foreach (var service in spec.Services)
        {
            var how = service.Exposure == EnvExposure.Hidden
                ? "hidden, through a Swarm secret"
                : "visible in docker service inspect (exposure: config)";
            rows.AddRange(service.Env.Select(e => new PlannedInjection($"service {service.Name}", "env", e.Name, From(e.Value), how)));
            rows.AddRange(service.Secrets.Select(x => new PlannedInjection(
                $"service {service.Name}", "file", x.Target, From(x.Content), $"Swarm secret, mode {Octal(x.Mode)}, owner {x.Uid}:{x.Gid}")));
        }

        return rows;
    }

    private static IReadOnlyList<string> From(Template template) =>
        [.. template.References.Select(r => r.ToString()).Distinct(StringComparer.Ordinal)];

    private static string FileHow(FileDefinition file)
    {
        var owner = file.Uid is null && file.Gid is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $", owner {file.Uid?.ToString(CultureInfo.InvariantCulture) ?? "-"}:{file.Gid?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        return $"tmpfs, read-only, mode {Octal(file.Mode)}{owner}";
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
