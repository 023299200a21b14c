using System.Text.Json;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Preflight;
using Shouldly;

namespace SecureLaunch.Cli.Tests.Output;

/// <summary>
/// <c>plan</c>'s report, text and JSON, against golden files: what a pipeline parses and what a person reads change
/// only on purpose. Regenerate with <c>SECURELAUNCH_UPDATE_GOLDEN=1</c> and review the diff.
/// </summary>
public sealed class PlanWriterTests
{
    private static readonly PlanReport Report = new(
        "hello",
        "examples/hello/securelaunch.yaml",
        [
            PreflightCheck.Ok("docker", "engine 20.10.24 (linux), swarm active"),
            PreflightCheck.Ok("image busybox:stable", "present (linux/amd64)"),
            PreflightCheck.Warning("image nginx:1.27", "not present; run would pull it"),
            PreflightCheck.Ok("vault", "http://127.0.0.1:8200: unsealed, active, version 1.14.8"),
            PreflightCheck.Ok("auth", "userpass as deploy: policies app; ttl 1h, renewable"),
            PreflightCheck.Failed("secret db", "database/creds/app: the token may not read it (capabilities: deny)"),
            PreflightCheck.Skipped("leases", "not checked: a secret cannot be read"),
        ],
        [
            new PlannedInjection("web", "env", "DB_USER", ["db.username"], "hidden"),
            new PlannedInjection("web", "file", "/run/secrets/db", ["db.username", "db.password"], "tmpfs, 0400, read-only"),
        ]);

    [Fact]
    public async Task The_text_report_matches_its_golden_file()
    {
        using var text = new StringWriter { NewLine = "\n" };

        PlanWriter.WriteText(text, Report);

        await CliRunner.MatchGoldenAsync(Path.Combine(CliRunner.GoldenDirectory, "plan.output.txt"), text.ToString());
    }

    [Fact]
    public async Task The_json_report_is_one_document_and_matches_its_golden_file()
    {
        using var text = new StringWriter { NewLine = "\n" };

        PlanWriter.WriteJson(text, Report);

        using var document = JsonDocument.Parse(text.ToString());
        document.RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
        await CliRunner.MatchGoldenAsync(Path.Combine(CliRunner.GoldenDirectory, "plan.output.json"), text.ToString());
    }

    [Fact]
    public void A_report_with_a_failed_check_did_not_succeed_and_one_with_warnings_did()
    {
        Report.Succeeded.ShouldBeFalse();
        (Report with { Checks = [.. Report.Checks.Where(c => c.Status != CheckStatus.Failed)] }).Succeeded.ShouldBeTrue();
    }
}
