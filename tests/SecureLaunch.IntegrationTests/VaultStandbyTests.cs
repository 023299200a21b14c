using SecureLaunch.DevVault;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary><c>run</c> pointed at a standby: forwarded requests work, and a 307 to the active node is followed.</summary>
public sealed class VaultStandbyTests
{
    private const string Seed = "dev: { rootToken: standby-test-root, kv: { secret/app/config: { greeting: hello-from-active } } }";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_launch_against_a_standby_reaches_the_active_node(bool forwarding)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var active = await DevVaultServer.StartAsync(new DevVaultOptions { Seed = DevVaultSeed.FromYaml(Seed, "seed.yaml") }, ct);
        await using var standby = await DevVaultServer.StartAsync(new DevVaultOptions { ActiveNode = active.Address, RequestForwarding = forwarding }, ct);
        using var spec = new SpecDirectory($$$"""
            version: 1
            name: standby-{{{(forwarding ? "fwd" : "redirect")}}}-{{{Guid.NewGuid().ToString("N")[..6]}}}
            secrets:
              config: { path: secret/app/config }
            containers:
              main:
                image: busybox:stable
                command: ["sh", "-c", "echo $${GREETING#hello-}"]
                env: { GREETING: "{{ config.greeting }}" }
            """);
        var cli = new CliRun(new TestEnvironment(spec.Path, new Dictionary<string, string>
        {
            ["VAULT_ADDR"] = standby.Address.ToString(),
            ["VAULT_TOKEN"] = "standby-test-root",
        }));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

        cli.Stdout.ShouldBe("from-active\n");
        cli.Stderr.ShouldContain("unsealed, standby");
    }
}
