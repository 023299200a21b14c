using SecureLaunch.Cli;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

public sealed class InfoCommandTests
{
    [Fact]
    public async Task Info_shows_the_engine_the_isolation_modes_it_can_give_and_the_vault_state()
    {
        await using var fixture = await LaunchFixture.StartAsync("dev: {}");
        var cli = new CliRun(new TestEnvironment(Path.GetTempPath(), new Dictionary<string, string> { ["VAULT_ADDR"] = fixture.Vault.Address.ToString() }));

        (await cli.RunAsync("info")).ShouldBe(0, cli.Stdout + cli.Stderr);

        cli.Stdout.ShouldContain("(API 1.41), linux");
        cli.Stdout.ShouldContain("  process       yes: the default runtime (runc)");
        cli.Stdout.ShouldContain("  hyperv        no: needs a Windows daemon; use sandbox on Linux");
        cli.Stdout.ShouldContain("  sandbox       yes: runtime runsc");
        cli.Stdout.ShouldContain("  state         unsealed, active");
    }

    [Fact]
    public async Task Info_exits_125_when_vault_cannot_be_reached_and_still_shows_the_engine()
    {
        var cli = new CliRun(new TestEnvironment(Path.GetTempPath(), new Dictionary<string, string> { ["VAULT_ADDR"] = "http://127.0.0.1:9" }));

        (await cli.RunAsync("info")).ShouldBe(ExitCodes.LaunchFailed);

        cli.Stdout.ShouldContain("Isolation modes");
        cli.Stdout.ShouldContain("  unreachable   ");
    }
}
