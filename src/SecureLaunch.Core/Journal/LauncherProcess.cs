using System.Diagnostics;
using System.Globalization;

namespace SecureLaunch.Core.Journal;

/// <summary>
/// Which process runs a launch: its pid, and when it started, so that a pid the kernel gave to another process
/// after the launcher died is not taken for the launcher. On Linux the start time is the kernel's own
/// (<c>/proc/&lt;pid&gt;/stat</c> field 22, in clock ticks since boot, with the boot id), compared exactly;
/// elsewhere <see cref="Process.StartTime"/> to the second.
/// </summary>
public sealed record LauncherProcess
{
    private const string BootIdFile = "/proc/sys/kernel/random/boot_id";

    public required int Pid { get; init; }

    /// <summary>When the process started (for people; <see cref="StartTicks"/> is what is compared on Linux).</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Linux: the boot the start ticks count from.</summary>
    public string? BootId { get; init; }

    /// <summary>Linux: the process start time in clock ticks since boot.</summary>
    public long? StartTicks { get; init; }

    /// <summary>This process.</summary>
    public static LauncherProcess Current() => Describe(Environment.ProcessId) ?? new LauncherProcess { Pid = Environment.ProcessId };

    /// <summary>The process with <paramref name="pid"/> now, or null when there is none.</summary>
    public static LauncherProcess? Describe(int pid)
    {
        if (pid <= 0)
        {
            return null;
        }

        var ticks = ReadStartTicks(pid, out var procAvailable);
        if (procAvailable && ticks is null)
        {
            return null;
        }

        DateTimeOffset? startedAt;
        try
        {
            using var process = Process.GetProcessById(pid);
            startedAt = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            startedAt = null;
        }

        return new LauncherProcess { Pid = pid, StartedAt = startedAt, BootId = ticks is null ? null : ReadBootId(), StartTicks = ticks };
    }

    /// <summary>Whether the process this record describes is still running (the same process, not one that reused its pid).</summary>
    public bool IsAlive() => Describe(Pid) is { } now && IsSameAs(now);

    /// <summary>Asks the process to stop, as <c>kill -TERM</c> does: the launcher then shuts down in order.</summary>
    /// <returns>False when there was no such process.</returns>
    public bool Terminate() => PosixSignals.Send(Pid, PosixSignals.SigTerm);

    /// <summary>Ends the process at once, as <c>kill -KILL</c> does.</summary>
    /// <returns>False when there was no such process.</returns>
    public bool Kill() => PosixSignals.Send(Pid, PosixSignals.SigKill);

    private bool IsSameAs(LauncherProcess now)
    {
        if (StartTicks is { } ticks && now.StartTicks is { } nowTicks)
        {
            return ticks == nowTicks && string.Equals(BootId, now.BootId, StringComparison.Ordinal);
        }

        return StartedAt is { } at && now.StartedAt is { } nowAt && (at - nowAt).Duration() < TimeSpan.FromSeconds(1);
    }

    private static long? ReadStartTicks(int pid, out bool procAvailable)
    {
        procAvailable = OperatingSystem.IsLinux() && Directory.Exists("/proc/self");
        if (!procAvailable)
        {
            return null;
        }

        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so count fields after the last ')'.
        // starttime is field 22; the field after ')' is field 3, the state. A zombie (Z) or dead (X) process has ended:
        // only its exit status waits for its parent.
        var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 19 && fields[0] is not ("Z" or "X") && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
    }

    private static string? ReadBootId()
    {
        try
        {
            return File.ReadAllText(BootIdFile).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
