using SecureLaunch.Cli;
using SecureLaunch.Core.Deploy;
using SecureLaunch.DevVault;
using SecureLaunch.IntegrationTests.Deploy;
using Shouldly;

namespace SecureLaunch.IntegrationTests.Swarm;

/// <summary>
/// Issue 8's pipeline on the three-node cluster: the agent installed as a Swarm service from SecureLaunch's own image,
/// services on the workers, the agent's task killed (Swarm restarts it, the new task takes over minting nothing), a
/// worker drained while the credentials rotate, and <c>undeploy</c> leaving nothing.
/// </summary>
[Collection(SwarmClusterCollection.Name)]
public sealed class DeployClusterTests(SwarmCluster cluster)
{
    private const string AgentService = "securelaunch-agent";

    [Fact(Timeout = 900_000)]
    public async Task A_pipeline_deploys_to_workers_and_the_agent_service_keeps_the_credentials_alive_through_a_kill_and_a_drain()
    {
        cluster.Require();
        var token = TestContext.Current.CancellationToken;
        var image = await AgentImage.EnsureAsync(cluster.ManagerEndpoint);
        await using var harness = await DeployHarness.StartAsync(TimeSpan.FromSeconds(15), cluster);
        await using var scope = new SwarmScope(cluster);
        var (fixture, manager) = (harness.Fixture, harness.Fixture.Docker);
        using var spec = new SpecDirectory(harness.Spec(service: "    replicas: 2\n    constraints: [\"node.role == worker\"]"));
        try
        {
            var install = new CliRun(harness.Pipeline(spec.Path));
            (await install.RunAsync(
                "agent", "install", "--vault-addr", fixture.Vault.Address.ToString(), "--image", image,
                "--socket", cluster.ManagerEndpoint.AbsolutePath, "--network", "host")).ShouldBe(ExitCodes.Success, install.Stderr);
            install.Stdout.ShouldStartWith("installed: service securelaunch-agent");
            var agent = (await manager.ListServicesAsync(DeployLabels.OfRole(DeployLabels.AgentRole), token)).ShouldHaveSingleItem();
            var hostnames = await scope.HostnamesAsync();
            var firstAgentTask = (await manager.ListTasksAsync(agent.Id, token)).Single(t => t.IsRunning);
            hostnames[firstAgentTask.NodeId].ShouldBe(SwarmCluster.ManagerHostname, "the agent is placed on managers only");

            var deploy = new CliRun(harness.Pipeline(spec.Path));
            (await deploy.RunAsync("deploy", "-f", spec.File, "--timeout", "3m")).ShouldBe(ExitCodes.Success, deploy.Stderr + await AgentLogsAsync());
            deploy.Stdout.ShouldStartWith("converged: ");
            var minted = Count(fixture.Vault.Counters.CredentialsIssued, "database");
            minted.ShouldBe(1);
            var service = (await manager.ListServicesAsync(harness.Labels, token)).ShouldHaveSingleItem();
            var tasks = (await manager.ListTasksAsync(service.Id, token)).Where(t => t.IsRunning).ToList();
            tasks.Count.ShouldBe(2);
            tasks.Select(t => hostnames[t.NodeId]).ShouldAllBe(h => h.StartsWith("slc-worker", StringComparison.Ordinal), "the services run on the workers");
            await Eventually.HoldsAsync(async () => Count(await ServiceLogsAsync(service.Id), "file-arrived-v1") == 2, "both tasks on the workers read their secret file");

            // Swarm's answer to a dead agent: kill its task's container; Swarm starts a new task, which takes over.
            var killedTask = firstAgentTask.Id;
            await DockerCli.RunAsync("-H", cluster.ManagerEndpoint.ToString(), "kill", firstAgentTask.ContainerId!);
            var store = new ClusterStore(manager, TimeProvider.System);
            await Eventually.HoldsAsync(async () => (await store.FindStateAsync(fixture.Name, token)) is { } state && state.Owner != killedTask && state.Owner.Length > 0, "a new agent task took the launch over");
            var owner = (await store.FindStateAsync(fixture.Name, token))!.Owner;
            (await manager.ListTasksAsync(agent.Id, token)).ShouldContain(t => t.Id == owner && t.IsRunning, "the new owner is the agent's new task");
            Count(fixture.Vault.Counters.CredentialsIssued, "database").ShouldBe(minted, "taking over mints nothing");
            var renewals = Count(fixture.Vault.Counters.Renewals, "lease");
            await Eventually.HoldsAsync(() => Task.FromResult(Count(fixture.Vault.Counters.Renewals, "lease") > renewals), "renewals resumed under the new task");

            // The credentials reach their max TTL: the moment the new ones are minted, worker1 is drained.
            var firstVersions = service.Secrets.Select(s => s.Name).ToHashSet();
            await Eventually.HoldsAsync(() => Task.FromResult(Count(fixture.Vault.Counters.CredentialsIssued, "database") > minted), "the credentials rotated", TimeSpan.FromSeconds(120));
            var worker1 = hostnames.Single(h => h.Value == "slc-worker1").Key;
            await scope.SetAvailabilityAsync(worker1, "drain");
            await Eventually.HoldsAsync(
                async () =>
                {
                    var now = await manager.InspectServiceAsync(service.Id, token);
                    var running = (await manager.ListTasksAsync(service.Id, token)).Where(t => t.IsRunning).ToList();
                    var current = now.Secrets.Select(s => s.Id).ToHashSet();
                    return now.Secrets.Any(s => !firstVersions.Contains(s.Name))
                        && running.Count == 2
                        && running.All(t => t.NodeId != worker1 && current.SetEquals(t.SecretIds));
                },
                "the service converged on the other worker with the new secret version",
                TimeSpan.FromSeconds(180));
            fixture.Vault.Leases.Where(l => !l.Revoked && l.Path.StartsWith("database/", StringComparison.Ordinal)).ShouldNotBeEmpty();

            var undeploy = new CliRun(harness.Pipeline(spec.Path));
            (await undeploy.RunAsync("undeploy", fixture.Name, "--timeout", "3m")).ShouldBe(ExitCodes.Success, undeploy.Stderr + await AgentLogsAsync());
            undeploy.Stdout.ShouldStartWith("removed: ");
            (await manager.ListServicesAsync(harness.Labels, token)).ShouldBeEmpty();
            (await manager.ListConfigsAsync(harness.Labels, token)).ShouldBeEmpty();
            await Eventually.HoldsAsync(async () => (await manager.ListSecretsAsync(harness.Labels, token)).Count == 0, "every Swarm secret version is gone");
            fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
            (await AgentLogsAsync()).ShouldNotContain("sk_live_51DeployedByAgent");
        }
        finally
        {
            await RemoveAgentAsync(manager);
        }
    }

    private async Task<string> AgentLogsAsync()
    {
        try
        {
            return "\nagent: " + await DockerCli.RunAsync("-H", cluster.ManagerEndpoint.ToString(), "service", "logs", "--raw", AgentService);
        }
        catch (ShouldAssertException e)
        {
            return "\nagent logs unavailable: " + e.Message;
        }
    }

    private Task<string> ServiceLogsAsync(string serviceId) =>
        DockerCli.RunAsync("-H", cluster.ManagerEndpoint.ToString(), "service", "logs", "--raw", serviceId);

    /// <summary>The agent service, its key secret and its key config: nothing of this test stays in the shared cluster.</summary>
    private static async Task RemoveAgentAsync(SecureLaunch.Docker.DockerEngine manager)
    {
        var none = CancellationToken.None;
        foreach (var service in await manager.ListServicesAsync(DeployLabels.OfRole(DeployLabels.AgentRole), none))
        {
            await manager.RemoveServiceAsync(service.Id, none);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), none);
        foreach (var config in await manager.ListConfigsAsync(DeployLabels.OfRole(DeployLabels.AgentKeyRole), none))
        {
            await manager.RemoveConfigAsync(config.Id, none);
        }

        foreach (var secret in await manager.ListSecretsAsync(DeployLabels.OfRole(DeployLabels.AgentKeyRole), none))
        {
            await manager.RemoveSecretAsync(secret.Id, none);
        }
    }

    private static long Count(IReadOnlyDictionary<string, long> counts, string kind) => DevVaultCounters.Of(counts, kind);

    private static int Count(string text, string line) => text.Split('\n').Count(l => l.Trim() == line);
}
