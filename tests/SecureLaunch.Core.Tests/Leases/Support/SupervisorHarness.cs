using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.DevVault;
using SecureLaunch.Vault;
using SecureLaunch.Vault.Secrets;

namespace SecureLaunch.Core.Tests.Leases.Support;

/// <summary>
/// The real embedded dev Vault, a real <see cref="VaultClient"/> over HTTP (through a <see cref="TcpRelay"/> that tests
/// cut for outages), a ledger and a <see cref="LeaseSupervisor"/>, all on ONE fake clock, with jitter pinned at 0.
/// Tests advance the clock only while the supervisor waits: after it raised <see cref="LeaseScheduled"/>, whose timer
/// is armed before the event is raised.
/// </summary>
public sealed class SupervisorHarness : IAsyncDisposable
{
    public const string Seed = """
        dev:
          kv:
            secret/app/stripe: { api_key: sk_test_123 }
          database:
            roles:
              app: { ttl: 30s, maxTtl: 2m }
              long: { ttl: 10m, maxTtl: 1h }
        """;

    /// <summary>Real-time guard against a hang; the tests themselves never wait on real time.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http;
    private int _refetches;

    private SupervisorHarness(FakeTimeProvider clock, DevVaultServer vault, TcpRelay relay, LeaseSupervisorOptions options)
    {
        Clock = clock;
        Vault = vault;
        Relay = relay;
        Client = new VaultClient(new VaultClientOptions
        {
            Address = relay.Address,
            Token = vault.RootToken,
            TimeProvider = clock,
            // One attempt per call: the supervisor's loop is the layer that retries here, and the client's own
            // retry delays would wait on the fake clock.
            MaxAttempts = 1,
        });
        _http = new HttpClient { BaseAddress = vault.Address };
        _http.DefaultRequestHeaders.Add("X-Vault-Token", vault.RootToken);
        Supervisor = new LeaseSupervisor(Client, Ledger, RefetchAsync, options with { TimeProvider = clock, Jitter = () => 0 });
    }

    public static DateTimeOffset T0 { get; } = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }

    public DevVaultServer Vault { get; }

    public TcpRelay Relay { get; }

    public VaultClient Client { get; }

    public LeaseLedger Ledger { get; } = new();

    public LeaseSupervisor Supervisor { get; }

    /// <summary>Every event read so far, in order.</summary>
    public List<LeaseEvent> Seen { get; } = [];

    /// <summary>Secret name to Vault path, for the re-fetch delegate.</summary>
    public Dictionary<string, string> Paths { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls of the re-fetch delegate.</summary>
    public int Refetches => Volatile.Read(ref _refetches);

    /// <summary>Runs after each re-fetch with the new lease (e.g. to revoke it behind the supervisor's back).</summary>
    public Func<VaultLease, Task>? AfterRefetch { get; set; }

    public static async Task<SupervisorHarness> StartAsync(LeaseSupervisorOptions? options = null)
    {
        var clock = new FakeTimeProvider(T0);
        var vault = await DevVaultServer.StartAsync(
            new DevVaultOptions { TimeProvider = clock, Seed = DevVaultSeed.FromYaml(Seed, "t.yaml") }, TestContext.Current.CancellationToken);
        var relay = TcpRelay.Start(vault.Address);
        return new SupervisorHarness(clock, vault, relay, options ?? new LeaseSupervisorOptions());
    }

    /// <summary>Reads <paramref name="path"/> as the launch would and records its lease under <paramref name="secret"/>.</summary>
    public async Task<VaultLease> FetchAsync(string secret, string path)
    {
        Paths[secret] = path;
        var read = await Client.ReadSecretAsync(new SecretRequest { Path = path }, TestContext.Current.CancellationToken);
        var lease = read.Lease ?? throw new InvalidOperationException($"{path} has no lease");
        Ledger.Record(secret, lease);
        return lease;
    }

    /// <summary>Revokes a lease with a plain HTTP call, behind the supervisor's back.</summary>
    public async Task RevokeBehindTheBackAsync(string leaseId)
    {
        using var response = await _http.PutAsJsonAsync("/v1/sys/leases/revoke", new { lease_id = leaseId }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The dev Vault's own view of a lease.</summary>
    public DevLeaseInfo VaultLease(string leaseId) => Vault.Leases.Single(l => l.LeaseId == leaseId);

    /// <summary>Reads events until one of type <typeparamref name="T"/> (matching <paramref name="match"/>) arrives.</summary>
    public async Task<T> NextAsync<T>(Func<T, bool>? match = null)
        where T : LeaseEvent
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(HangGuard);
        while (true)
        {
            LeaseEvent next;
            try
            {
                next = await Supervisor.Events.ReadAsync(guard.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"No {typeof(T).Name} within {HangGuard.TotalSeconds}s of real time; seen: {string.Join(" | ", Seen.TakeLast(8))}");
            }

            Seen.Add(next);
            if (next is T wanted && (match is null || match(wanted)))
            {
                return wanted;
            }
        }
    }

    /// <summary>Waits for the supervisor to plan its next step, then moves the clock to it.</summary>
    public async Task<LeaseScheduled> RunToNextStepAsync()
    {
        var scheduled = await NextAsync<LeaseScheduled>();
        AdvanceTo(scheduled.DueAt);
        return scheduled;
    }

    public void AdvanceTo(DateTimeOffset moment)
    {
        var now = Clock.GetUtcNow();
        if (moment > now)
        {
            Clock.Advance(moment - now);
        }
    }

    public List<T> SeenOf<T>()
        where T : LeaseEvent => [.. Seen.OfType<T>()];

    public async ValueTask DisposeAsync()
    {
        await Supervisor.DisposeAsync();
        Client.Dispose();
        _http.Dispose();
        await Relay.DisposeAsync();
        await Vault.DisposeAsync();
    }

    private async Task<VaultLease?> RefetchAsync(string secret, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _refetches);
        var read = await Client.ReadSecretAsync(new SecretRequest { Path = Paths[secret] }, cancellationToken);
        if (read.Lease is { } lease && AfterRefetch is { } after)
        {
            await after(lease);
        }

        return read.Lease;
    }
}
