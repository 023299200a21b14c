using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Spec.Shape;

namespace SecureLaunch.Core.Spec;

/// <summary><c>depends_on:</c> as a list of names or, as Compose, a map of names to <c>{ condition }</c>; names and cycles are checked once every container is known.</summary>
internal sealed partial class SpecBinder
{
    private static readonly string[] Conditions = ["service_started", "service_healthy", "service_completed_successfully"];

    private List<ContainerDependency> BindDependsOn(IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return [];
        }

        if (section.Value is not null)
        {
            ValueError(section.Path, "depends_on must be a list of container names, e.g. [db], or a map, e.g. { db: { condition: service_healthy } }");
            return [];
        }

        var children = section.GetChildren().ToList();
        if (IsList(children))
        {
            return [.. ReadStrings(section, "[db]").Select(e => new ContainerDependency(e.Value, DependencyCondition.Started, _map.LocateValue(e.Path)))];
        }

        var dependencies = new List<ContainerDependency>();
        foreach (var entry in children.OrderBy(c => _map.OrderOf(c.Path)))
        {
            CheckKeys(entry, entry.Path, SpecShape.Dependency);
            var condition = DependencyCondition.Started;
            switch (entry["condition"])
            {
                case null or "service_started":
                    break;
                case "service_healthy":
                    condition = DependencyCondition.Healthy;
                    break;
                case "service_completed_successfully":
                    condition = DependencyCondition.CompletedSuccessfully;
                    break;
                case var text:
                    ValueError(ConfigurationPath.Combine(entry.Path, "condition"), $"condition '{text}' must be service_started, service_healthy or service_completed_successfully{Suggestions.Hint(text, Conditions)}");
                    break;
            }

            dependencies.Add(new ContainerDependency(entry.Key, condition, _map.Locate(entry.Path)));
        }

        return dependencies;
    }

    /// <summary>Every dependency names another container of the spec, a healthy one has a healthcheck, and there is no cycle.</summary>
    private void CheckDependencies(List<ContainerDefinition> containers)
    {
        var byName = containers.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var container in containers)
        {
            foreach (var dependency in container.DependsOn)
            {
                if (dependency.Name == container.Name)
                {
                    ErrorAt(dependency.Location, $"container '{container.Name}' cannot depend on itself");
                }
                else if (!byName.TryGetValue(dependency.Name, out var target))
                {
                    ErrorAt(dependency.Location, $"depends_on '{dependency.Name}' is not a container of this spec{Suggestions.Hint(dependency.Name, byName.Keys)}");
                }
                else if (dependency.Condition == DependencyCondition.Healthy && target.Healthcheck?.Disabled == true)
                {
                    ErrorAt(dependency.Location, $"'{container.Name}' waits for '{dependency.Name}' to be healthy, but its healthcheck is disabled");
                }
            }
        }

        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var container in containers)
        {
            FindCycle(container, byName, state, []);
        }
    }

    /// <summary>Depth-first; <paramref name="state"/> is false while a container is on the path, true once done. Each cycle is reported once, where it closes.</summary>
    private void FindCycle(ContainerDefinition container, Dictionary<string, ContainerDefinition> byName, Dictionary<string, bool> state, List<string> path)
    {
        if (state.ContainsKey(container.Name))
        {
            return;
        }

        state[container.Name] = false;
        path.Add(container.Name);
        foreach (var dependency in container.DependsOn)
        {
            if (dependency.Name == container.Name || !byName.TryGetValue(dependency.Name, out var next))
            {
                continue;
            }

            if (state.TryGetValue(next.Name, out var done) && !done)
            {
                var cycle = path.Skip(path.IndexOf(next.Name)).Append(next.Name);
                ErrorAt(dependency.Location, $"depends_on makes a cycle: {string.Join(" -> ", cycle)}");
                continue;
            }

            FindCycle(next, byName, state, path);
        }

        path.RemoveAt(path.Count - 1);
        state[container.Name] = true;
    }
}
