using System.Diagnostics;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Bootstrap;

/// <summary>vault-dev/bootstrap.sh, the curl script for a real Vault, run against a dev Vault started without a bootstrap.</summary>
public sealed class BootstrapScriptTests
{
    [Fact]
    public async Task The_script_applies_the_examples_bootstrap_with_curl_and_can_run_again()
    {
        SkipUnlessShellAndCurl();
        await using var vault = await DevVaultHarness.StartAsync(DevVaultSeed.Empty with { RootToken = "script-test-root" });

        var first = await RunScriptAsync(vault, RepositoryFiles.ExamplesBootstrap);
        var second = await RunScriptAsync(vault, RepositoryFiles.ExamplesBootstrap);

        first.ExitCode.ShouldBe(0, first.Error);
        first.Output.ShouldContain("requests applied");
        second.ExitCode.ShouldBe(0, second.Error);
        await BootstrapApplyTests.ExamplesSetUpAsync(vault);
    }

    [Fact]
    public async Task Curl_never_sees_the_token_or_a_body_on_its_command_line()
    {
        SkipUnlessShellAndCurl();
        await using var vault = await DevVaultHarness.StartAsync(DevVaultSeed.Empty with { RootToken = "script-test-root" });
        var spy = Directory.CreateTempSubdirectory("curl-spy-");
        try
        {
            // A curl on PATH that records its arguments, then runs the real one.
            var log = Path.Combine(spy.FullName, "args.log");
            var wrapper = Path.Combine(spy.FullName, "curl");
            var script = $"#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{log}'\nexec {RealCurl()} \"$@\"\n";
            await File.WriteAllTextAsync(wrapper, script, TestContext.Current.CancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }


            var run = await RunScriptAsync(vault, RepositoryFiles.ExamplesBootstrap, spy.FullName);

            run.ExitCode.ShouldBe(0, run.Error);
            var arguments = await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken);
            arguments.ShouldContain("/v1/auth/userpass/users/hello");
            arguments.ShouldNotContain("script-test-root");
            arguments.ShouldNotContain("hello-password");
            arguments.ShouldNotContain("sk_test_51HelloSecureLaunch");
        }
        finally
        {
            spy.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_script_stops_at_the_first_failing_line_with_vaults_errors()
    {
        SkipUnlessShellAndCurl();
        await using var vault = await DevVaultHarness.StartAsync(DevVaultSeed.Empty with { RootToken = "script-test-root" });
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "POST sys/mounts/kv {\"type\":\"kv\"}\nPOST database/roles/x {\"db_name\":\"pg\"}\nPOST kv/never {\"a\":\"b\"}\n", TestContext.Current.CancellationToken);

            var run = await RunScriptAsync(vault, file);

            run.ExitCode.ShouldBe(1);
            run.Error.ShouldContain(":2: POST database/roles/x answered 400");
            run.Error.ShouldContain("empty creation statements");
            (await vault.GetAsync("/v1/kv/never")).Status.ShouldBe(System.Net.HttpStatusCode.NotFound);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void SkipUnlessShellAndCurl()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "bootstrap.sh is a POSIX shell script");
        Assert.SkipUnless(File.Exists("/bin/sh") && RealCurl() is not null, "needs /bin/sh and curl");
    }

    private static string? RealCurl() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(d => Path.Combine(d, "curl")).FirstOrDefault(File.Exists);

    private static async Task<(int ExitCode, string Output, string Error)> RunScriptAsync(DevVaultHarness vault, string file, string? pathFirst = null)
    {
        var start = new ProcessStartInfo("/bin/sh", [RepositoryFiles.BootstrapScript, file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["VAULT_ADDR"] = vault.Server.Address.ToString();
        start.Environment["VAULT_TOKEN"] = vault.Root;
        if (pathFirst is not null)
        {
            start.Environment["PATH"] = pathFirst + ":" + Environment.GetEnvironmentVariable("PATH");
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
