using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Rotation;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Core.Launching;

/// <summary>
/// What runs beside a launch's containers: the <see cref="LeaseSupervisor"/> (renewals, re-fetches through the
/// <see cref="SecretRotator"/>, KV re-reads), the <see cref="RotationScheduler"/> acting on the consumers, and the
/// <see cref="TokenKeeper"/> keeping the Vault token alive (and logging in again before it expires). Disposal stops them
/// in that order, before the launch session revokes the leases: a loop that saw its lease revoked would mint another.
/// </summary>
internal sealed partial class LaunchSupervision : IAsyncDisposable
{
    private static readonly TimeSpan PumpTimeout = TimeSpan.FromSeconds(5);

    private readonly LaunchContext _context;
    private readonly RotationScheduler _scheduler;
    private readonly LeaseSupervisor _supervisor;
    private readonly TokenKeeper? _keeper;
    private readonly List<Task> _pumps = [];
    private readonly IReadOnlyList<SupervisedSecret> _secrets;
    private int _disposed;

    /// <param name="context">The launch's engines, clock, logger and observer.</param>
    /// <param name="spec">The spec: secrets with their rotation settings, containers.</param>
    /// <param name="session">The launch's ledger of leases.</param>
    /// <param name="secrets">The secrets as first fetched; rotation updates them in place.</param>
    /// <param name="mask">The output mask; rotation adds new values to it.</param>
    /// <param name="connection">The token the launch holds, for the token keeper.</param>
    /// <param name="targets">The consumers rotation acts on.</param>
    public LaunchSupervision(
        LaunchContext context, RunSpec spec, LaunchSession session, SecretSet secrets, SecretMask mask, VaultConnection connection, IEnumerable<IRotationTarget> targets)
    {
        _context = context;
        var (time, logger) = (context.TimeProvider, context.Logger);
        _scheduler = new RotationScheduler(targets, spec.Rotation, time, logger);
        var rotator = new SecretRotator(new SecretFetcher(context.Vault, session.Leases, logger), spec.Secrets, secrets, mask, _scheduler, time, logger);
        _supervisor = new LeaseSupervisor(context.Vault, session.Leases, rotator.RefetchAsync, new LeaseSupervisorOptions { TimeProvider = time }, logger);
        LeaseEvents = new LeaseEventFanOut(_supervisor.Events);
        foreach (var secret in spec.Secrets)
        {
            Follow(secret, secrets.Get(secret.Name), logger);
        }

        _secrets = [.. spec.Secrets.Select(s => secrets.Get(s.Name) is { } fetched
            ? new SupervisedSecret(s.Name, fetched.Lease is not null, fetched.KvVersion is null)
            : new SupervisedSecret(s.Name, Leased: false, Mints: false))];

        foreach (var container in spec.Containers)
        {
            foreach (var (secret, policy) in RotationPlan.StaleEnv(container, spec.Secrets))
            {
                Log.EnvLeftStale(logger, container.Name, secret, policy);
            }
        }

        _keeper = CreateKeeper(spec.Vault.Auth, connection);
    }

    /// <summary>
    /// The renewal loop's events, for every reader (the journal, the observer): the fan-out is the loop's only reader.
    /// Subscribe before <see cref="Start"/> to see them all.
    /// </summary>
    public LeaseEventFanOut LeaseEvents { get; }

    /// <summary>
    /// Starts renewing leases and the token, as soon as the secrets are fetched: a short lease must not wait for the
    /// containers to be created and started. Changes found meanwhile wait for <see cref="StartRotation"/>.
    /// </summary>
    public void Start()
    {
        if (_context.Observer is { } observer)
        {
            Tell(() => observer.OnSupervisionStarted(new SupervisionStarted(_context.TimeProvider.GetUtcNow(), _secrets, _supervisor.Snapshot)));
            Pump(LeaseEvents.Subscribe(), observer.OnLeaseEvent);
            Pump(_scheduler.Events, observer.OnRotationEvent);
            if (_keeper is not null)
            {
                Pump(_keeper.Events, observer.OnTokenEvent);
            }
        }

        _supervisor.Start();
        _keeper?.Start();
    }

    /// <summary>Starts acting on the containers; call once they have all started.</summary>
    public void StartRotation() => _scheduler.Start();

    /// <summary>Stops re-fetching, then acting on consumers, then the token keeper. Revokes nothing. Idempotent; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _supervisor.DisposeAsync();
        await _scheduler.DisposeAsync();
        if (_keeper is not null)
        {
            await _keeper.DisposeAsync();
        }

        try
        {
            // Each channel is completed by its owner's disposal, which ends its pump.
            await Task.WhenAll(_pumps).WaitAsync(PumpTimeout, _context.TimeProvider);
        }
        catch (TimeoutException)
        {
            // An observer that blocks loses its last events, not the shutdown.
        }
    }

    /// <summary>Leased secrets are followed through the ledger; KV ones (or any with <c>refresh:</c>) are read again on their interval.</summary>
    private void Follow(SecretDefinition secret, Vault.Secrets.VaultSecret? fetched, ILogger logger)
    {
        if (secret.MintBudget is { } budget)
        {
            _supervisor.Budget.SetRate(secret.Name, budget.Count, budget.Window);
        }

        if (fetched is null || fetched.Lease is not null)
        {
            return;
        }

        if (fetched.KvVersion is null && secret.Refresh is null)
        {
            // A PKI certificate without a lease, say: reading it again would mint a new one every interval.
            Log.SecretNotWatched(logger, secret.Name);
            return;
        }

        var interval = secret.Refresh ?? RenewalSchedule.DefaultKvInterval;
        _supervisor.WatchKv(secret.Name, interval);
        Log.SecretWatched(logger, secret.Name, interval);
    }

    private void Pump<T>(ChannelReader<T> reader, Action<T> sink)
    {
        _pumps.Add(Task.Run(async () =>
        {
            await foreach (var item in reader.ReadAllAsync())
            {
                Tell(() => sink(item));
            }
        }));
    }

    private static void Tell(Action call)
    {
        try
        {
            call();
        }
        catch (Exception)
        {
            // The observer must not throw; if it does, the launch goes on without that event.
        }
    }
}
