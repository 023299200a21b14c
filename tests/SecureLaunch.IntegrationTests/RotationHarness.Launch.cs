using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Core.Rotation.Events;
using SecureLaunch.Core.Spec;
using SecureLaunch.Vault;

namespace SecureLaunch.IntegrationTests;

internal sealed partial class RotationHarness
{
    private void Launch(IReadOnlyDictionary<string, string>? environment)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        var testEnvironment = new TestEnvironment(_spec.Path, variables);
        var loaded = new SpecLoader(testEnvironment).LoadFile(_spec.File, []);
        var spec = loaded.Spec ?? throw new InvalidOperationException(string.Join('\n', loaded.Errors));
        var vault = new VaultClient(new VaultClientOptions
        {
            Address = Vault.Address,
            Token = environment is null ? Vault.RootToken : null,
            TimeProvider = Clock,

            // One attempt per call: the launch's loops retry, and the client's own retry delays would wait on the fake clock.
            MaxAttempts = 1,
        });
        var launcher = new Launcher(new LaunchContext
        {
            Vault = vault,
            Docker = Docker,
            TokenSource = "the test",
            StandardOutput = Stream.Synchronized(_stdout),
            StandardError = Stream.Synchronized(_stderr),
            Logger = new QueueLogger(_log),
            Environment = testEnvironment,
            TimeProvider = Clock,
            StopGrace = TimeSpan.FromSeconds(2),
            SecretFileBases = [FilesBase],
            Observer = this,
        });
        Running = Task.Run(async () =>
        {
            try
            {
                return await launcher.RunAsync(spec, _shutdown.Token);
            }
            finally
            {
                vault.Dispose();
            }
        });
    }

    /// <summary>Where each timer waits, from the events that announce it.</summary>
    private void Track(object next)
    {
        switch (next)
        {
            case LeaseScheduled scheduled:
                _pending[$"lease:{scheduled.SecretName}"] = scheduled.DueAt;
                break;
            case TokenScheduled scheduled:
                _pending["token"] = scheduled.DueAt;
                break;
            case RotationScheduled scheduled:
                _pending[$"rotation:{scheduled.Target}"] = scheduled.DueAt;
                break;
            case RotationDeferred deferred:
                _busy.Remove($"rotation:{deferred.Target}");
                _pending[$"rotation:{deferred.Target}"] = deferred.RetryAt;
                break;
            case RotationApplied applied:
                _busy.Remove($"rotation:{applied.Target}");
                break;
            case RotationFailed failed:
                _busy.Remove($"rotation:{failed.Target}");
                break;
        }
    }

    /// <summary>Timers whose moment has come have fired: a lease or token loop will say where it waits next; a rotation runs until done.</summary>
    private void Sweep()
    {
        foreach (var (key, due) in _pending.ToList())
        {
            if (due <= Now)
            {
                _pending.Remove(key);
                if (key.StartsWith("rotation:", StringComparison.Ordinal))
                {
                    _busy.Add(key);
                }
            }
        }
    }

    /// <summary>Keeps the launch's log lines (never values: that is the launch's own guarantee) for failure messages.</summary>
    private sealed class QueueLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {eventId.Id}: {formatter(state, exception)}");
    }
}
