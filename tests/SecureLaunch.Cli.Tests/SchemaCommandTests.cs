using System.Text.Json;
using Shouldly;

namespace SecureLaunch.Cli.Tests;

/// <summary>
/// <c>docs/securelaunch.schema.json</c> and <c>docs/spec-reference.md</c> are what <c>securelaunch schema</c> prints:
/// a key added in the code without regenerating them fails here. Regenerate with <c>SECURELAUNCH_UPDATE_GOLDEN=1</c>.
/// </summary>
public sealed class SchemaCommandTests
{
    [Theory]
    [InlineData("securelaunch.schema.json", new[] { "schema" })]
    [InlineData("securelaunch.schema.json", new[] { "schema", "--format", "json" })]
    [InlineData("spec-reference.md", new[] { "schema", "--format", "markdown" })]
    public async Task The_committed_file_is_what_the_verb_prints(string file, string[] args)
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(args);

        (exitCode, error).ShouldBe((0, string.Empty));
        await CliRunner.MatchGoldenAsync(
            Path.Combine(CliRunner.RepositoryRoot, "docs", file), output, $"docs/{file} is stale: regenerate it with SECURELAUNCH_UPDATE_GOLDEN=1 dotnet test tests/SecureLaunch.Cli.Tests");
    }

    [Fact]
    public async Task The_schema_is_json_with_every_top_level_key()
    {
        var (_, output, _) = await CliRunner.RunAsync(["schema"]);

        using var schema = JsonDocument.Parse(output);
        schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["version", "name", "vault", "secrets", "containers", "services", "rotation", "deploy", "dev"]);
    }

    [Fact]
    public async Task An_unknown_format_is_a_usage_error()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["schema", "--format", "yaml"]);

        (exitCode, output).ShouldBe((ExitCodes.LaunchFailed, string.Empty));
        error.ShouldStartWith("securelaunch: error: ");
    }
}
