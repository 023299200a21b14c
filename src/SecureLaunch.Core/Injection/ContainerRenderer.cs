using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Containers;

namespace SecureLaunch.Core.Injection;

/// <summary>Turns a container of the spec, with the launch's secrets, into the container to create.</summary>
public static class ContainerRenderer
{
    /// <summary>
    /// Renders env values, writes the container's files into <paramref name="files"/> and returns the
    /// Docker container spec. Secret values leave this method only inside the returned spec and the files.
    /// </summary>
    public static ContainerSpec Render(
        RunSpec spec, ContainerDefinition container, string launchId, SecretSet secrets, SecretFileStore? files, EngineInfo engine)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(engine);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container.Env)
        {
            environment[variable.Name] = secrets.Render(variable.Value, variable.Location);
        }

        var mounts = new List<BindMount>();
        for (var i = 0; i < container.Files.Count; i++)
        {
            var file = container.Files[i];
            if (files is null)
            {
                throw new LaunchException($"{file.Location}: no secret file directory for container '{container.Name}'");
            }

            var content = secrets.Render(file.Content, file.Location);
            var hostPath = files.Write($"{container.Name}-{i}", content, file.Mode, file.Uid, file.Gid);
            mounts.Add(new BindMount(hostPath, file.Target, ReadOnly: true));
        }

        var (runtime, isolation) = IsolationResolver.Resolve(container, engine);
        return new ContainerSpec
        {
            Name = ContainerName(spec.Name, container.Name, launchId),
            Image = container.Image,
            Command = container.Command,
            Entrypoint = container.Entrypoint,
            Environment = environment,
            Labels = LaunchLabels.For(launchId, spec.Name, container.Name),
            Mounts = mounts,
            User = container.User,
            WorkingDirectory = container.WorkingDirectory,
            Runtime = runtime,
            Isolation = isolation,
        };
    }

    /// <summary><c>&lt;launch name&gt;-&lt;container&gt;-&lt;launch id&gt;</c>: unique, and readable in <c>docker ps</c>.</summary>
    public static string ContainerName(string launchName, string container, string launchId) => $"{launchName}-{container}-{launchId}";
}
