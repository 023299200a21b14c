using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault;

/// <summary>An in-memory, Vault-API-compatible HTTP server, for tests and offline experiments.</summary>
/// <remarks>Everything lives in memory and is gone on dispose. Nothing is logged: no secret or token can leak through logs.</remarks>
public sealed class DevVaultServer : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private readonly DevVaultState _state;
    private int _disposed;

    private DevVaultServer(WebApplication app, DevVaultState state, Uri address, string rootToken)
    {
        _app = app;
        _state = state;
        Address = address;
        RootToken = rootToken;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>, with the port actually bound.</summary>
    public Uri Address { get; }

    /// <summary>The root token: <see cref="DevVaultOptions.RootToken"/>, else the seed's, else a random <c>hvs.</c> token.</summary>
    public string RootToken { get; }

    /// <summary>A snapshot of every lease ever issued, in issue order, with its state now.</summary>
    public IReadOnlyList<DevLeaseInfo> Leases
    {
        get
        {
            lock (_state.Sync)
            {
                var now = _state.Now;
                _state.Tokens.Sweep(now);
                return _state.Leases.Snapshot(now);
            }
        }
    }

    /// <summary>What <c>sys/health</c> reports; set it to see how a client treats a sealed or standby server.</summary>
    public DevVaultStatus Status
    {
        get
        {
            lock (_state.Sync)
            {
                return _state.Status;
            }
        }

        set
        {
            lock (_state.Sync)
            {
                _state.Status = value;
            }
        }
    }

    /// <summary>Starts a server and returns once it accepts connections.</summary>
    /// <exception cref="ArgumentException">The listen address or a seed path is malformed.</exception>
    /// <exception cref="IOException">The address cannot be bound (Kestrel's error, e.g. the port is in use).</exception>
    public static async Task<DevVaultServer> StartAsync(DevVaultOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = ListenAddress.Parse(options.Listen);
        var (state, backends, rootToken) = StateBuilder.Build(options);
        var app = BuildApp(endpoint);
        app.Run(new VaultPipeline(state, backends).HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var bound = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new DevVaultServer(app, state, new Uri(bound), rootToken);
    }

    /// <summary>Stops the server; idempotent, never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            using var grace = new CancellationTokenSource(StopGrace);
            await _app.StopAsync(grace.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // Disposal must not throw; a server that failed to stop cleanly is torn down below anyway.
        }

        try
        {
            await _app.DisposeAsync();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or IOException or AggregateException)
        {
            // Same reason as above.
        }
    }

    private static WebApplication BuildApp(IPEndPoint endpoint)
    {
        // The empty builder reads no configuration (no ASPNETCORE_* variables, no appsettings) and starts fast.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(DevVaultServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = StopGrace);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 32 * 1024 * 1024;
            kestrel.Listen(endpoint);
        });
        return builder.Build();
    }
}
