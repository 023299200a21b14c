using System.Runtime.InteropServices;

namespace SecureLaunch.Core.Journal;

/// <summary><c>kill(2)</c>: .NET can SIGKILL a process it did not start, but not send it SIGTERM.</summary>
internal static partial class PosixSignals
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    private const int NoSuchProcess = 3;

    /// <summary>Sends <paramref name="signal"/>; false when there is no such process.</summary>
    /// <exception cref="UnauthorizedAccessException">The process belongs to another user.</exception>
    public static bool Send(int pid, int signal)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pid);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("signals need a Linux or macOS host");
        }

        if (Kill(pid, signal) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == NoSuchProcess
            ? false
            : throw new UnauthorizedAccessException($"cannot signal process {pid} (errno {errno})");
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
