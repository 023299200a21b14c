using System.Text;
using System.Text.Json;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// A container that prints its secrets in several ways, through the real engine: what is masked, and what
/// docs/security.md says is not (values under 4 characters, encoded forms).
/// </summary>
public sealed class MaskingTests
{
    private const string ApiKey = "sk_live_MaskMe123456";

    private const string Seed = """
        dev:
          kv:
            secret/app/mask:
              api_key: sk_live_MaskMe123456
              pin: "123"
              pem: "-----BEGIN KEY-----\nMIIEsecretline1\nMIIEsecretline2\n-----END KEY-----"
        """;

    private static string Spec(string name) => $$$"""
        version: 1
        name: {{{name}}}
        secrets:
          mask: { path: secret/app/mask }
        containers:
          main:
            image: busybox:stable
            env:
              K: "{{ mask.api_key }}"
              PIN: "{{ mask.pin }}"
            files:
              - { target: /run/secrets/pem, content: "{{ mask.pem }}" }
            command:
              - sh
              - -c
              - |
                echo "whole=$$K"
                head="$${K%??????}"
                printf 'split=%s' "$$head"
                sleep 0.3
                printf '%s\n' "$${K#$$head}"
                printf '\033[31m%s\033[0m\n' "$$K"
                sed -n 2p /run/secrets/pem
                echo "pin=$$PIN"
                echo "b64=$$(printf %s "$$K" | base64)"
        """;

    private static readonly string[] Expected =
    [
        "whole=*****",
        "split=*****",
        "\u001b[31m*****\u001b[0m",
        "*****",
        "pin=123",
        "b64=" + Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey)),
    ];

    [Fact]
    public async Task Whole_split_coloured_and_multi_line_values_are_masked_while_short_and_encoded_ones_are_not()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

        cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(Expected);
    }

    [Fact]
    public async Task Json_output_lines_are_masked_the_same_way()
    {
        await using var fixture = await LaunchFixture.StartAsync(Seed);
        using var spec = new SpecDirectory(Spec(fixture.Name));
        var cli = new CliRun(fixture.Environment(spec.Path));

        (await cli.RunAsync("run", "-f", spec.File, "--output", "json")).ShouldBe(0, cli.Stderr);

        var lines = cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("event").GetString() == "output")
            .Select(e => e.GetProperty("line").GetString());
        lines.ShouldBe(Expected);
        cli.Stdout.ShouldNotContain(ApiKey);
        cli.Stdout.ShouldNotContain("MIIEsecretline");
    }
}
