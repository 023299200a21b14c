using SecureLaunch.TestKit;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary><c>run</c> with stderr on a terminal: the live block of steps, replayed to the screen a person sees.</summary>
public sealed class ProgressDisplayTests
{
    private const string Seed = """
        dev:
          kv:
            secret/app/stripe: { api_key: sk_test_4eC39HqLyjWDarjtT1zdp7dc }
          database:
            roles:
              app: { ttl: 30s, maxTtl: 2m }
        """;

    [Fact]
    public async Task A_run_on_a_terminal_shows_each_step_until_the_containers_are_created_then_plain_lines()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory($$$"""
            version: 1
            name: {{{fixture.Name}}}
            secrets:
              stripe: { path: secret/app/stripe }
              db: { path: database/creds/app }
            containers:
              main:
                image: busybox:stable
                command: ["true"]
                env:
                  STRIPE_KEY: "{{ stripe.api_key }}"
            """);
        var cli = new CliRun(fixture.Environment(spec.Path), errorIsTerminal: true);

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

        cli.Stderr.ShouldContain("\u001b[");
        var screen = VirtualTerminal.Screen(cli.Stderr);
        var block = screen.SkipWhile(l => !l.StartsWith("✓ docker", StringComparison.Ordinal)).Take(5).ToList();
        block.Count.ShouldBe(5, string.Join('\n', screen));
        block[0].ShouldBe("✓ docker     ready");
        block[1].ShouldStartWith($"✓ vault      {fixture.Vault.Address}");
        block[2].ShouldStartWith("✓ auth       token from ");
        block[3].ShouldBeOneOf("✓ secrets    2/2: stripe, db", "✓ secrets    2/2: db, stripe");
        block[4].ShouldBe("✓ containers 1/1 created: main");
        screen.ShouldContain(l => l.StartsWith("securelaunch: container main: started busybox:stable as ", StringComparison.Ordinal));
        screen.ShouldContain("securelaunch: container main: exited with code 0");
        screen.ShouldNotContain(l => l.StartsWith("securelaunch: secret ", StringComparison.Ordinal));
        screen.Count(l => l.StartsWith("✓ docker", StringComparison.Ordinal)).ShouldBe(1);
    }
}
