using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Core.Rotation.Events;
using SecureLaunch.Core.Spec;
using SecureLaunch.DevVault;
using SecureLaunch.Docker;
using SecureLaunch.Docker.Containers;
using SecureLaunch.Vault;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// One launch through the real <see cref="Launcher"/>: real containers on the engine, the real Vault client over HTTP to
/// the embedded dev Vault, and every loop of the launch and the dev Vault on ONE fake clock. The test moves the clock
/// only when every timer it expects has reported where it waits (<see cref="DriveUntilAsync{T}"/>), so no real time
/// passes for leases, tokens or debounces; containers run in real time.
/// </summary>
internal sealed partial class RotationHarness : ILaunchObserver, IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Real-time guard against a hang; never a timing assertion.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    private readonly Channel<object> _events = Channel.CreateUnbounded<object>();
    private readonly MemoryStream _stdout = new();
    private readonly MemoryStream _stderr = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Dictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _log = new();
    private readonly HttpClient _http;
    private readonly SpecDirectory _spec;

    private RotationHarness(FakeTimeProvider clock, DevVaultServer vault, SpecDirectory spec, string name)
    {
        Clock = clock;
        Vault = vault;
        _spec = spec;
        Name = name;
        Docker = new DockerEngine(
            new DockerEngineOptions { Endpoint = DockerEndpoint.Resolve(System.Environment.GetEnvironmentVariable("DOCKER_HOST")) },
            NullLogger.Instance);
        _http = new HttpClient { BaseAddress = vault.Address };
        _http.DefaultRequestHeaders.Add("X-Vault-Token", vault.RootToken);
        FilesBase = Path.Combine("/dev/shm", $"securelaunch-{name}");
    }

    public FakeTimeProvider Clock { get; }

    public DevVaultServer Vault { get; }

    public DockerEngine Docker { get; }

    /// <summary>The launch name, unique to the test.</summary>
    public string Name { get; }

    /// <summary>The tmpfs base the launch's secret files go under (its own directory inside).</summary>
    public string FilesBase { get; }

    public Task<LaunchOutcome> Running { get; private set; } = Task.FromResult(new LaunchOutcome(0, false, new Dictionary<string, long>()));

    /// <summary>Every event seen so far, in order.</summary>
    public List<object> Seen { get; } = [];

    public DateTimeOffset Now => Clock.GetUtcNow();

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    /// <summary>What the launch logged, for failure messages.</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>Starts a dev Vault seeded with <paramref name="seed"/> and a launch of <paramref name="spec"/> (given the launch name).</summary>
    /// <param name="seed">The dev Vault's <c>dev:</c> section.</param>
    /// <param name="spec">The spec for a launch name.</param>
    /// <param name="environment">Variables of the launch's environment (credentials for a login); the root token is used when null.</param>
    public static async Task<RotationHarness> StartAsync(string seed, Func<string, string> spec, IReadOnlyDictionary<string, string>? environment = null)
    {
        var clock = new FakeTimeProvider(T0);
        var vault = await DevVaultServer.StartAsync(
            new DevVaultOptions { TimeProvider = clock, Seed = DevVaultSeed.FromYaml(seed, "seed.yaml") }, TestContext.Current.CancellationToken);
        var name = $"rot-{Guid.NewGuid():N}"[..15];
        var harness = new RotationHarness(clock, vault, new SpecDirectory(spec(name)), name);
        harness.Launch(environment);
        return harness;
    }

    /// <summary>
    /// Reads events until one of type <typeparamref name="T"/> (matching <paramref name="match"/>) arrives, moving the
    /// clock meanwhile: whenever every timer in <paramref name="timers"/> (<c>lease:SECRET</c>, <c>token</c>) has said
    /// when it is due next, no rotation is running and no event is waiting to be read, to the earliest due moment (a
    /// pending rotation's included).
    /// </summary>
    public async Task<T> DriveUntilAsync<T>(string[] timers, Func<T, bool>? match = null, DateTimeOffset? until = null)
        where T : class
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(HangGuard);
        while (true)
        {
            // Everything already announced first; only then may the clock move, and only then does the test wait.
            while (_events.Reader.TryRead(out var ready))
            {
                if (Handle(ready) is T found && (match is null || match(found)))
                {
                    return found;
                }
            }

            if (Running.IsCompleted)
            {
                throw new InvalidOperationException($"the launch ended before a {typeof(T).Name}: {await Running}\n{Stderr}\n{Log}");
            }

            Sweep();
            if (_busy.Count == 0 && timers.All(_pending.ContainsKey))
            {
                var earliest = _pending.Values.Min();
                if (until is { } limit && earliest > limit)
                {
                    return null!;
                }

                AdvanceTo(earliest);
                Sweep();
            }

            object next;
            try
            {
                next = await _events.Reader.ReadAsync(guard.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No {typeof(T).Name} within {HangGuard.TotalSeconds}s of real time at {Now:u}; last events: "
                    + string.Join(" | ", Seen.TakeLast(10)) + $"\npending: {string.Join(", ", _pending)}; busy: {string.Join(", ", _busy)}\nlog:\n{Log}");
            }

            if (Handle(next) is T wanted && (match is null || match(wanted)))
            {
                return wanted;
            }
        }
    }

    private object Handle(object next)
    {
        Seen.Add(next);
        Track(next);
        return next;
    }

    /// <summary>Reads events, without moving the clock, until one of type <typeparamref name="T"/> arrives.</summary>
    public Task<T> NextAsync<T>(Func<T, bool>? match = null)
        where T : class => DriveUntilAsync(["never"], match);

    public void AdvanceTo(DateTimeOffset moment)
    {
        if (moment > Now)
        {
            Clock.Advance(moment - Now);
        }
    }

    /// <summary>Waits (real time, as a hang guard) until the containers' output satisfies <paramref name="condition"/>.</summary>
    public async Task WaitForOutputAsync(Func<string, bool> condition)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(HangGuard);
        while (!condition(Stdout))
        {
            if (Running.IsCompleted)
            {
                throw new InvalidOperationException($"the launch ended ({await Running}) before the output held; stdout:\n{Stdout}\n{Log}");
            }

            try
            {
                await Task.Delay(50, guard.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"the output never held; stdout:\n{Stdout}\nlog:\n{Log}");
            }
        }
    }

    /// <summary>The launch's own directory of secret files on tmpfs.</summary>
    public string LaunchDirectory => Directory.GetDirectories(FilesBase).Single();

    /// <summary>The one container of the launch with spec name <paramref name="container"/>.</summary>
    public async Task<ContainerSummary> ContainerAsync(string container) =>
        (await Docker.ListContainersAsync(
            new Dictionary<string, string> { [LaunchLabels.Name] = Name, [LaunchLabels.Container] = container }, TestContext.Current.CancellationToken)).Single();

    /// <summary>Writes a new version of a KV v2 secret, as an operator would.</summary>
    public async Task WriteKvAsync(string path, IReadOnlyDictionary<string, string> data)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        using var response = await _http.PostAsJsonAsync($"/v1/{path[..slash]}/data/{path[(slash + 1)..]}", new { data }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Revokes a lease with a plain HTTP call, behind the launch's back.</summary>
    public async Task RevokeAsync(string leaseId)
    {
        using var response = await _http.PutAsJsonAsync("/v1/sys/leases/revoke", new { lease_id = leaseId }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Ends the launch as SIGINT would and returns its outcome.</summary>
    public async Task<LaunchOutcome> StopAsync()
    {
        await _shutdown.CancelAsync();
        return await Running;
    }

    public List<TEvent> SeenOf<TEvent>() => [.. Seen.OfType<TEvent>()];

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        try
        {
            await Running;
        }
        catch (Exception)
        {
            // The test has already failed on it, or never needed it.
        }

        foreach (var container in await Docker.ListContainersAsync(new Dictionary<string, string> { [LaunchLabels.Name] = Name }, CancellationToken.None))
        {
            await Docker.RemoveContainerAsync(container.Id, CancellationToken.None);
        }

        Docker.Dispose();
        _http.Dispose();
        await Vault.DisposeAsync();
        _spec.Dispose();
        if (Directory.Exists(FilesBase))
        {
            Directory.Delete(FilesBase, recursive: true);
        }

        _shutdown.Dispose();
    }

    void ILaunchObserver.OnLeaseEvent(LeaseEvent leaseEvent) => _events.Writer.TryWrite(leaseEvent);

    void ILaunchObserver.OnTokenEvent(TokenEvent tokenEvent) => _events.Writer.TryWrite(tokenEvent);

    void ILaunchObserver.OnRotationEvent(RotationEvent rotationEvent) => _events.Writer.TryWrite(rotationEvent);

    private static string Read(MemoryStream stream)
    {
        lock (stream)
        {
            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }
    }
}
