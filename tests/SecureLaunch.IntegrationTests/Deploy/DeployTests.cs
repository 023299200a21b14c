using System.Text;
using SecureLaunch.Cli;
using SecureLaunch.Core.Deploy;
using SecureLaunch.DevVault;
using Shouldly;

namespace SecureLaunch.IntegrationTests.Deploy;

/// <summary>
/// <c>deploy</c>, the agent and <c>undeploy</c> on the real single-node swarm with the dev Vault: the pipeline logs in
/// with a JWT, hands over a wrapped token and exits; an agent (a real child process, killed with SIGKILL once) keeps
/// the credentials renewed and rotating past the pipeline token's life. One class: one agent key per swarm.
/// </summary>
public sealed class DeployTests
{
    private const string Value = "sk_live_51DeployedByAgent";

    [Fact(Timeout = 300_000)]
    public async Task A_pipeline_deploys_and_exits_and_the_agent_keeps_the_credentials_alive_across_a_kill_until_undeploy()
    {
        var pipelineTtl = TimeSpan.FromSeconds(15);
        await using var harness = await DeployHarness.StartAsync(pipelineTtl);
        var (fixture, token) = (harness.Fixture, TestContext.Current.CancellationToken);
        using var spec = new SpecDirectory(harness.Spec());
        using var first = harness.StartAgent("agent-one");

        var deploy = new CliRun(harness.Pipeline(spec.Path));
        (await deploy.RunAsync("deploy", "-f", spec.File, "--timeout", "2m")).ShouldBe(ExitCodes.Success, deploy.Stderr + first.Stderr);
        var deployedAt = DateTimeOffset.UtcNow;

        deploy.Stdout.ShouldStartWith("converged: ");
        deploy.Stderr.ShouldNotContain("CI_JOB_JWT=");
        Count(fixture.Vault.Counters.Logins, "jwt").ShouldBe(2, "the preflight checks the login, then deploy logs in for the hand-off; both tokens are revoked");
        var minted = Count(fixture.Vault.Counters.CredentialsIssued, "database");
        minted.ShouldBe(1);
        var service = (await fixture.Docker.ListServicesAsync(harness.Labels, token)).ShouldHaveSingleItem();
        await Eventually.HoldsAsync(async () => (await DockerCli.RunAsync("service", "logs", service.Id)).Contains("file-arrived-v1"), "the task read its secret file");
        (await DockerCli.RunAsync("service", "inspect", service.Id)).ShouldNotContain(Value);
        var state = (await new ClusterStore(fixture.Docker, TimeProvider.System).FindStateAsync(fixture.Name, token)).ShouldNotBeNull();
        var sealedState = (await fixture.Docker.ReadConfigAsync(state.ConfigId, token)).ShouldNotBeNull();
        Encoding.UTF8.GetString(sealedState).ShouldNotContain(Value);
        (await DockerCli.RunAsync("config", "inspect", state.ConfigId)).ShouldNotContain(Value);

        first.Kill();
        var renewals = Count(fixture.Vault.Counters.Renewals, "lease");
        using var second = harness.StartAgent("agent-two");
        await Eventually.HoldsAsync(() => Task.FromResult(second.Stderr.Contains("taken over from agent-one")), "the second agent took the launch over");
        Count(fixture.Vault.Counters.CredentialsIssued, "database").ShouldBe(minted, "taking over mints nothing");
        await Eventually.HoldsAsync(() => Task.FromResult(Count(fixture.Vault.Counters.Renewals, "lease") > renewals), "renewals resumed");

        // The database credentials reach their max TTL (45 s) long after the pipeline token (15 s) died: the agent
        // mints new ones with the launch token and rolls the service onto a new Swarm secret version.
        var firstVersions = service.Secrets.Select(s => s.Name).ToHashSet();
        await Eventually.HoldsAsync(() => Task.FromResult(Count(fixture.Vault.Counters.CredentialsIssued, "database") > minted), "the credentials rotated", TimeSpan.FromSeconds(120));
        await Eventually.HoldsAsync(async () => (await fixture.Docker.InspectServiceAsync(service.Id, token)).Secrets.Any(s => !firstVersions.Contains(s.Name)), "the service rolled to the new version");
        (DateTimeOffset.UtcNow - deployedAt).ShouldBeGreaterThan(pipelineTtl);
        fixture.Vault.Leases.Where(l => !l.Revoked && l.Path.StartsWith("database/", StringComparison.Ordinal)).ShouldNotBeEmpty();

        var undeploy = new CliRun(harness.Pipeline(spec.Path));
        (await undeploy.RunAsync("undeploy", fixture.Name)).ShouldBe(ExitCodes.Success, undeploy.Stderr + second.Stderr);

        undeploy.Stdout.ShouldStartWith("removed: ");
        (await fixture.Docker.ListServicesAsync(harness.Labels, token)).ShouldBeEmpty();
        (await fixture.Docker.ListConfigsAsync(harness.Labels, token)).ShouldBeEmpty("state, hand-offs and results go too");
        await Eventually.HoldsAsync(async () => (await fixture.Docker.ListSecretsAsync(harness.Labels, token)).Count == 0, "every Swarm secret version is gone");
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
        second.Stderr.ShouldNotContain(Value);
        first.Stderr.ShouldNotContain(Value);
    }

    [Fact(Timeout = 240_000)]
    public async Task Deploying_the_same_spec_again_changes_nothing_and_mints_nothing()
    {
        await using var harness = await DeployHarness.StartAsync(TimeSpan.FromMinutes(5));
        var (fixture, token) = (harness.Fixture, TestContext.Current.CancellationToken);
        using var spec = new SpecDirectory(harness.Spec());
        using var agent = harness.StartAgent("agent-idem");
        var first = new CliRun(harness.Pipeline(spec.Path));
        (await first.RunAsync("deploy", "-f", spec.File)).ShouldBe(ExitCodes.Success, first.Stderr);
        var service = (await fixture.Docker.ListServicesAsync(harness.Labels, token)).ShouldHaveSingleItem();
        var counters = fixture.Vault.Counters;

        var again = new CliRun(harness.Pipeline(spec.Path));
        (await again.RunAsync("deploy", "-f", spec.File)).ShouldBe(ExitCodes.Success, again.Stderr);

        again.Stdout.ShouldStartWith("unchanged: ");
        fixture.Vault.Counters.Logins.ShouldBe(counters.Logins, "the same spec needs no login");
        Count(fixture.Vault.Counters.CredentialsIssued, "database").ShouldBe(Count(counters.CredentialsIssued, "database"));
        var now = (await fixture.Docker.ListServicesAsync(harness.Labels, token)).ShouldHaveSingleItem();
        now.Id.ShouldBe(service.Id);
        now.Version.ShouldBe(service.Version, "the service was not updated");
        (await new CliRun(harness.Pipeline(spec.Path)).RunAsync("undeploy", fixture.Name)).ShouldBe(ExitCodes.Success);
    }

    [Fact(Timeout = 240_000)]
    public async Task A_changed_spec_updates_the_services_in_place_and_revokes_the_previous_leases_and_token()
    {
        await using var harness = await DeployHarness.StartAsync(TimeSpan.FromMinutes(5));
        var (fixture, token) = (harness.Fixture, TestContext.Current.CancellationToken);
        using var spec = new SpecDirectory(harness.Spec(marker: "v1"));
        using var agent = harness.StartAgent("agent-update");
        var first = new CliRun(harness.Pipeline(spec.Path));
        (await first.RunAsync("deploy", "-f", spec.File)).ShouldBe(ExitCodes.Success, first.Stderr);
        var before = (await fixture.Docker.ListServicesAsync(harness.Labels, token)).ShouldHaveSingleItem();
        var firstLease = fixture.Vault.Leases.Single(l => l.Path.StartsWith("database/", StringComparison.Ordinal));
        var tokensRevoked = Count(fixture.Vault.Counters.Revocations, "token");

        await File.WriteAllTextAsync(spec.File, harness.Spec(marker: "v2"), token);
        var second = new CliRun(harness.Pipeline(spec.Path));
        (await second.RunAsync("deploy", "-f", spec.File)).ShouldBe(ExitCodes.Success, second.Stderr);

        second.Stdout.ShouldStartWith("converged: ");
        var after = (await fixture.Docker.ListServicesAsync(harness.Labels, token)).ShouldHaveSingleItem();
        after.Id.ShouldBe(before.Id, "the service is updated where it stands, not replaced");
        after.Version.ShouldBeGreaterThan(before.Version);
        await Eventually.HoldsAsync(async () => (await DockerCli.RunAsync("service", "logs", after.Id)).Contains("file-arrived-v2"), "the updated task read its secret file");
        Target(after, "api_key").ShouldBe(Target(before, "api_key"), "a secret whose content did not change keeps its version");
        Target(after, "db_password").ShouldNotBe(Target(before, "db_password"), "the new launch token's credentials are a new version");
        fixture.Vault.Leases.Single(l => l.LeaseId == firstLease.LeaseId).Revoked.ShouldBeTrue("the previous launch's leases are revoked");
        fixture.Vault.Leases.Count(l => !l.Revoked).ShouldBe(1, string.Join("; ", fixture.Vault.Leases.Select(l => $"{l.Path} {l.LeaseId} revoked={l.Revoked}")));
        Count(fixture.Vault.Counters.Revocations, "token").ShouldBeGreaterThanOrEqualTo(tokensRevoked + 3, "the previous launch token, and the preflight's and deploy's login tokens");
        await Eventually.HoldsAsync(async () => (await fixture.Docker.ListSecretsAsync(harness.Labels, token)).Count == 2, "the replaced version was removed");
        (await new CliRun(harness.Pipeline(spec.Path)).RunAsync("undeploy", fixture.Name)).ShouldBe(ExitCodes.Success);
        fixture.Vault.Leases.ShouldAllBe(l => l.Revoked);
    }

    [Fact(Timeout = 180_000)]
    public async Task A_wrapping_token_unwrapped_by_someone_else_is_reported_as_tampering_and_nothing_starts()
    {
        await using var harness = await DeployHarness.StartAsync(TimeSpan.FromMinutes(5));
        var (fixture, token) = (harness.Fixture, TestContext.Current.CancellationToken);
        using var spec = new SpecDirectory(harness.Spec());
        var store = new ClusterStore(fixture.Docker, TimeProvider.System);
        var deploy = new CliRun(harness.Pipeline(spec.Path));
        var running = deploy.RunAsync("deploy", "-f", spec.File, "--timeout", "90s");

        // An attacker with the agent's key (or a leaked hand-off) gets there first and unwraps the launch token.
        await Eventually.HoldsAsync(async () => (await store.ListHandoffsAsync(token)).Any(h => h.Labels.GetValueOrDefault(DeployLabels.Name) == fixture.Name), "the hand-off was left");
        var left = (await store.ListHandoffsAsync(token)).First(h => h.Labels.GetValueOrDefault(DeployLabels.Name) == fixture.Name);
        var handoff = (await store.OpenHandoffAsync(left, harness.AgentKey, token)).ShouldNotBeNull();
        using (var thief = new HttpClient { BaseAddress = fixture.Vault.Address })
        {
            using var unwrap = new HttpRequestMessage(HttpMethod.Post, "v1/sys/wrapping/unwrap");
            unwrap.Headers.Add("X-Vault-Token", handoff.WrappingToken);
            (await thief.SendAsync(unwrap, token)).EnsureSuccessStatusCode();
        }

        using var agent = harness.StartAgent("agent-tamper");
        (await running).ShouldBe(ExitCodes.LaunchFailed, deploy.Stdout);

        deploy.Stderr.ShouldContain("TAMPERING?");
        deploy.Stderr.ShouldContain($"accessor {handoff.WrappingAccessor}");
        agent.Stderr.ShouldContain("would not unwrap");
        (await fixture.Docker.ListServicesAsync(harness.Labels, token)).ShouldBeEmpty();
        Count(fixture.Vault.Counters.CredentialsIssued, "database").ShouldBe(0);
    }

    [Fact(Timeout = 180_000)]
    public async Task Bad_input_is_one_line_exit_125_and_leaves_nothing_behind()
    {
        await using var harness = await DeployHarness.StartAsync(TimeSpan.FromMinutes(5));
        var (fixture, token) = (harness.Fixture, TestContext.Current.CancellationToken);

        using var containers = new SpecDirectory($"""
            version: 1
            name: {fixture.Name}
            containers:
              web: {"{"} image: busybox:stable {"}"}
            """);
        var withContainers = new CliRun(harness.Pipeline(containers.Path));
        (await withContainers.RunAsync("deploy", "-f", containers.File)).ShouldBe(ExitCodes.LaunchFailed);
        withContainers.Stderr.ShouldContain("deploy hands Swarm services to the agent, and this spec has containers (web); move them under 'services:', or use securelaunch run");

        using var narrowSpec = new SpecDirectory(harness.Spec(jwtRole: "ci-narrow"));
        var narrow = new CliRun(harness.Pipeline(narrowSpec.Path));
        (await narrow.RunAsync("deploy", "-f", narrowSpec.File)).ShouldBe(ExitCodes.LaunchFailed);
        narrow.Stderr.ShouldContain("database/creds/app");
        narrow.Stderr.ShouldContain("Nothing was deployed.");

        using var spec = new SpecDirectory(harness.Spec());
        var revoked = Count(fixture.Vault.Counters.Revocations, "token");
        var noAgent = new CliRun(harness.Pipeline(spec.Path));
        (await noAgent.RunAsync("deploy", "-f", spec.File, "--timeout", "3s")).ShouldBe(ExitCodes.LaunchFailed);
        noAgent.Stderr.ShouldContain("no SecureLaunch agent took the hand-off within 3s: is the agent running?");
        Count(fixture.Vault.Counters.Revocations, "token").ShouldBe(revoked + 3, "the preflight's login token, the launch token (by its accessor) and the deploy's login token");

        foreach (var key in await fixture.Docker.ListConfigsAsync(DeployLabels.OfRole(DeployLabels.AgentKeyRole), token))
        {
            await fixture.Docker.RemoveConfigAsync(key.Id, token);
        }

        var notInstalled = new CliRun(harness.Pipeline(spec.Path));
        (await notInstalled.RunAsync("deploy", "-f", spec.File)).ShouldBe(ExitCodes.LaunchFailed);
        notInstalled.Stderr.ShouldContain("no SecureLaunch agent is installed in this swarm; install one with 'securelaunch agent install --vault-addr URL'");

        foreach (var run in new[] { withContainers, narrow, noAgent, notInstalled })
        {
            run.Stderr.ShouldNotContain("   at ");
        }

        (await fixture.Docker.ListServicesAsync(harness.Labels, token)).ShouldBeEmpty();
        (await fixture.Docker.ListConfigsAsync(harness.Labels, token)).ShouldBeEmpty();
        Count(fixture.Vault.Counters.CredentialsIssued, "database").ShouldBe(0);
    }

    private static long Count(IReadOnlyDictionary<string, long> counts, string kind) => DevVaultCounters.Of(counts, kind);

    private static string Target(SecureLaunch.Docker.Swarm.SwarmServiceInfo service, string target) => service.Secrets.Single(s => s.Target == target).Name;
}
