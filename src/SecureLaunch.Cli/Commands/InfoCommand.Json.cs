using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Launching;
using SecureLaunch.Docker;
using SecureLaunch.Vault;

namespace SecureLaunch.Cli.Commands;

/// <summary><c>info --output json</c>: a <c>docker</c> event and a <c>vault</c> event (docs/json-events.md).</summary>
internal static partial class InfoCommand
{
    private static async Task<bool> WriteDockerJsonAsync(JsonEventWriter json, IContainerEngine docker, CancellationToken cancellationToken)
    {
        EngineInfo engine;
        try
        {
            engine = await docker.GetInfoAsync(cancellationToken);
        }
        catch (DockerEngineException ex)
        {
            json.Write("docker", j =>
            {
                j.WriteString("endpoint", Endpoint(docker));
                j.WriteBoolean("reachable", false);
                j.WriteString("error", ex.Message);
            });
            return false;
        }

        json.Write("docker", j =>
        {
            j.WriteString("endpoint", Endpoint(docker));
            j.WriteBoolean("reachable", true);
            j.WriteString("version", engine.ServerVersion);
            j.WriteString("apiVersion", engine.ApiVersion);
            j.WriteString("os", engine.OSType);
            j.WriteString("swarm", engine.SwarmState);
            j.WriteBoolean("swarmManager", engine.IsSwarmManager);
            j.WriteStartArray("runtimes");
            foreach (var runtime in engine.Runtimes)
            {
                j.WriteStringValue(runtime);
            }

            j.WriteEndArray();
            j.WriteString("defaultRuntime", engine.DefaultRuntime);
            j.WriteStartObject("isolation");
            foreach (var (mode, available, detail) in IsolationResolver.Describe(engine))
            {
                j.WriteStartObject(mode.ToString().ToLowerInvariant());
                j.WriteBoolean("available", available);
                j.WriteString("detail", detail);
                j.WriteEndObject();
            }

            j.WriteEndObject();
        });
        return true;
    }

    private static async Task<bool> WriteVaultJsonAsync(JsonEventWriter json, IVaultClient vault, CancellationToken cancellationToken)
    {
        var address = vault.Address.ToString().TrimEnd('/');
        try
        {
            var health = await vault.GetHealthAsync(cancellationToken);
            json.Write("vault", j =>
            {
                j.WriteString("address", address);
                j.WriteBoolean("reachable", true);
                j.WriteString("state", health.State);
                j.WriteBoolean("initialized", health.Initialized);
                j.WriteBoolean("sealed", health.Sealed);
                j.WriteBoolean("standby", health.Standby);
                j.WriteString("version", health.Version);
                j.WriteString("clusterName", health.ClusterName);
            });
            return true;
        }
        catch (VaultException ex)
        {
            json.Write("vault", j =>
            {
                j.WriteString("address", address);
                j.WriteBoolean("reachable", false);
                j.WriteString("error", ex.Message);
            });
            return false;
        }
    }
}
