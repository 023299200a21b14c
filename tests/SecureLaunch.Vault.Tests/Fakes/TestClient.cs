using Microsoft.Extensions.Time.Testing;

namespace SecureLaunch.Vault.Tests.Fakes;

/// <summary>A <see cref="VaultClient"/> over a <see cref="CannedHandler"/> with a fake clock.</summary>
internal sealed class TestClient : IDisposable
{
    public const string Token = "hvs.CAESIJtesttokenthatmustnevershowup";
    public static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public TestClient(Func<VaultClientOptions, VaultClientOptions>? configure = null, Microsoft.Extensions.Logging.ILogger? logger = null)
    {
        Time = new FakeTimeProvider(Start);
        Handler = new CannedHandler(Time);
        var options = new VaultClientOptions
        {
            Address = new Uri("http://127.0.0.1:8200"),
            Token = Token,
            TimeProvider = Time,
            RequestTimeout = TimeSpan.FromSeconds(5),
            RetryBaseDelay = TimeSpan.FromMilliseconds(200),
            RetryMaxDelay = TimeSpan.FromSeconds(2),
            Randomizer = () => 0.5,
        };
        Client = new VaultClient(configure?.Invoke(options) ?? options, Handler, logger);
    }

    /// <summary>A client that starts without a token, as before a login.</summary>
    public static TestClient WithoutToken(Microsoft.Extensions.Logging.ILogger? logger = null) => new(o => o with { Token = null }, logger);

    public FakeTimeProvider Time { get; }

    public CannedHandler Handler { get; }

    public VaultClient Client { get; }

    /// <summary>
    /// Runs a call to completion, moving the fake clock in small steps so retry delays and attempt timeouts
    /// elapse without real waiting.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<VaultClient, Task<T>> call, TimeSpan? step = null)
    {
        var task = call(Client);

        // A real millisecond between steps, not a bare yield: on a busy machine the client's continuation may not have
        // run yet, and fake time spent before it registers its next timer would leave that timer waiting for ever.
        for (var i = 0; !task.IsCompleted && i < 10_000; i++)
        {
            Time.Advance(step ?? TimeSpan.FromMilliseconds(50));
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    public Task RunAsync(Func<VaultClient, Task> call, TimeSpan? step = null) =>
        RunAsync(async c => { await call(c); return true; }, step);

    public void Dispose() => Client.Dispose();
}
