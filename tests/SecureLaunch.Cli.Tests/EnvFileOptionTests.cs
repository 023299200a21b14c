using Shouldly;

namespace SecureLaunch.Cli.Tests;

public sealed class EnvFileOptionTests : IDisposable
{
    private const string Spec = "version: 1\nvault: { address: \"${VAULT_ADDR}\" }\ncontainers:\n  web: { image: \"busybox:${TAG}\", isolation: \"${MODE:-process}\" }\n";

    private readonly TempEnvironment _environment = new TempEnvironment().WithFile("securelaunch.yaml", Spec).With("TAG", "from-environment");

    public void Dispose() => _environment.Dispose();

    [Fact]
    public async Task Validate_takes_variables_from_env_files_ahead_of_the_environment()
    {
        _environment.WithFile("a.env", "VAULT_ADDR=http://127.0.0.1:8200\nTAG=from-a\n").WithFile("b.env", "TAG=stable # the tag\n");

        var (exitCode, output, error) = await CliRunner.RunAsync(["validate", "--env-file", "a.env", "--env-file", "b.env"], _environment);

        (exitCode, error).ShouldBe((0, string.Empty));
        output.ShouldBe("securelaunch.yaml: valid (1 container, 0 secrets)\n");
    }

    [Fact]
    public async Task Without_the_variable_anywhere_the_spec_error_names_it()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["validate"], _environment);

        exitCode.ShouldBe(ExitCodes.LaunchFailed);
        error.ShouldContain("environment variable VAULT_ADDR is not set");
    }

    [Fact]
    public async Task A_missing_env_file_is_one_line_and_125()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(["validate", "--env-file", "nope.env"], _environment);

        (exitCode, output).ShouldBe((ExitCodes.LaunchFailed, string.Empty));
        error.ShouldBe("securelaunch: error: --env-file nope.env: no such file\n");
    }

    [Fact]
    public async Task A_malformed_env_file_is_one_line_with_file_and_line_and_no_value()
    {
        _environment.WithFile("bad.env", "VAULT_ADDR=http://127.0.0.1:8200\nPASSWORD=\"hunter2-s3cr3t\n");

        var (exitCode, _, error) = await CliRunner.RunAsync(["run", "--env-file", "bad.env"], _environment);

        exitCode.ShouldBe(ExitCodes.LaunchFailed);
        error.ShouldBe("securelaunch: error: bad.env:2: PASSWORD: the double quote is never closed\n");
    }

    [Fact]
    public async Task A_value_from_an_env_file_is_masked_in_spec_errors()
    {
        _environment.WithFile("app.env", "VAULT_ADDR=http://127.0.0.1:8200\nTAG=x\nMODE=hunter2-s3cr3t\n");

        var (exitCode, _, error) = await CliRunner.RunAsync(["validate", "--env-file", "app.env"], _environment);

        exitCode.ShouldBe(ExitCodes.LaunchFailed);
        error.ShouldContain("isolation '*****' must be process, hyperv or sandbox");
        error.ShouldNotContain("s3cr3t");
    }

    [Theory]
    [InlineData("info")]
    [InlineData("vault", "status")]
    public async Task Verbs_that_read_the_vault_address_from_a_spec_take_env_files_too(params string[] verb)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync([.. verb, "-f", "securelaunch.yaml", "--env-file", "missing.env"], _environment);

        (exitCode, error).ShouldBe((ExitCodes.LaunchFailed, "securelaunch: error: --env-file missing.env: no such file\n"));
    }
}
