using System.Runtime.InteropServices;

namespace SecureLaunch.Cli.Hosting;

/// <summary>
/// SIGINT and SIGTERM turned into cancellation, remembering which came so the exit code can say so
/// (130 or 143). The default termination is suppressed: the launch shuts down in order instead.
/// A second signal while shutting down is left to the default handler, so an impatient user still gets out.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _exitCode;

    public CancellationToken Token => _cancellation.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM, 0 when no signal came.</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>Listens for SIGINT and SIGTERM on the current process.</summary>
    public static ShutdownSignal ListenToProcess()
    {
        var signal = new ShutdownSignal();
        signal._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, c => signal.OnSignal(c, ExitCodes.Interrupted)));
        signal._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => signal.OnSignal(c, ExitCodes.Terminated)));
        return signal;
    }

    /// <summary>A signal source that only tests trigger.</summary>
    public static ShutdownSignal Manual() => new();

    /// <summary>Acts as if the process had received the signal whose exit code is <paramref name="exitCode"/>.</summary>
    public void Trigger(int exitCode)
    {
        if (Interlocked.CompareExchange(ref _exitCode, exitCode, 0) == 0)
        {
            _cancellation.Cancel();
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context, int exitCode)
    {
        if (Volatile.Read(ref _exitCode) != 0)
        {
            return;
        }

        context.Cancel = true;
        Trigger(exitCode);
    }
}
