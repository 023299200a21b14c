using System.Diagnostics;
using System.Reflection;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// The static init's own checks (native/sl-init/test.sh) against the engine: values, exit codes,
/// signal forwarding, zombie reaping, a shell-less image, runc and gVisor. Run here so CI runs them.
/// </summary>
public sealed class NativeInitTests
{
    [Fact]
    public async Task The_static_init_passes_its_checks_on_the_real_engine()
    {
        var root = typeof(NativeInitTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "native", "sl-init", "test.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var report = await output + await errors;
        process.ExitCode.ShouldBe(0, report);
        report.ShouldContain(" passed, 0 failed");
    }
}
