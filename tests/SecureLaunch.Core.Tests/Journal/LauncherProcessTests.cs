using System.Diagnostics;
using SecureLaunch.Core.Journal;
using Shouldly;

namespace SecureLaunch.Core.Tests.Journal;

public sealed class LauncherProcessTests
{
    [Fact]
    public void This_process_is_alive_and_described_by_its_kernel_start_time()
    {
        var current = LauncherProcess.Current();

        current.Pid.ShouldBe(Environment.ProcessId);
        current.StartTicks.ShouldNotBeNull();
        current.BootId.ShouldNotBeNullOrEmpty();
        current.IsAlive().ShouldBeTrue();
    }

    [Fact]
    public async Task A_process_that_ended_is_dead()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", ["30"]))!;
        var described = LauncherProcess.Describe(process.Id).ShouldNotBeNull();
        described.IsAlive().ShouldBeTrue();

        process.Kill();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        described.IsAlive().ShouldBeFalse();
        LauncherProcess.Describe(process.Id).ShouldBeNull();
    }

    [Fact]
    public async Task A_killed_process_its_parent_has_not_reaped_yet_is_dead()
    {
        // The zombie keeps its pid and /proc entry (start time included) until the parent waits for it.
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 30 & echo $!; exec sleep 30"]) { RedirectStandardOutput = true })!;
        var childPid = int.Parse((await shell.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken))!, System.Globalization.CultureInfo.InvariantCulture);
        var child = LauncherProcess.Describe(childPid).ShouldNotBeNull();

        // Killed before the shell has exec'd sleep, the child would be reaped by the shell, not left a zombie.
        while (File.ReadAllText($"/proc/{shell.Id}/comm").Trim() != "sleep")
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Process.GetProcessById(childPid).Kill();
        while (!File.ReadAllText($"/proc/{childPid}/stat").Contains(") Z ", StringComparison.Ordinal))
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        child.IsAlive().ShouldBeFalse();
        shell.Kill();
    }

    [Fact]
    public void A_pid_reused_by_another_process_is_not_the_launcher()
    {
        var reused = LauncherProcess.Current() with { StartTicks = LauncherProcess.Current().StartTicks - 1 };

        reused.IsAlive().ShouldBeFalse();
    }

    [Fact]
    public void A_launcher_from_an_earlier_boot_is_dead_even_with_the_same_pid_and_ticks()
    {
        var earlierBoot = LauncherProcess.Current() with { BootId = "00000000-0000-0000-0000-000000000000" };

        earlierBoot.IsAlive().ShouldBeFalse();
    }

    [Fact]
    public void A_pid_no_process_has_is_dead()
    {
        LauncherProcess.Describe(int.MaxValue).ShouldBeNull();
        new LauncherProcess { Pid = int.MaxValue, StartTicks = 1, BootId = "x" }.IsAlive().ShouldBeFalse();
    }

    [Fact]
    public void Terminate_asks_a_process_to_stop()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", ["30"]))!;
        var launcher = LauncherProcess.Describe(process.Id).ShouldNotBeNull();

        launcher.Terminate().ShouldBeTrue();

        process.WaitForExit(TimeSpan.FromSeconds(30)).ShouldBeTrue();
        process.ExitCode.ShouldBe(143);
    }
}
