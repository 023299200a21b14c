using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureLaunch.DevVault.Audit;
using SecureLaunch.DevVault.Http;
using SecureLaunch.DevVault.Internal;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault;

/// <summary>An in-memory, Vault-API-compatible HTTP server, for tests and offline experiments.</summary>
/// <remarks>
/// In memory by default, gone on dispose; with <see cref="DevVaultOptions.Storage"/> <c>file:DIR</c> it keeps its data
/// encrypted in DIR and starts sealed. Nothing is logged: no secret or token can leak through logs.
/// </remarks>
public sealed partial class DevVaultServer : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private readonly DevVaultState _state;
    private int _disposed;

    private readonly FaultQueue _faults;
    private readonly StandbyForwarder? _standby;
    private readonly IReadOnlyList<IVaultBackend> _backends;
    private readonly AuditDevice? _audit;

    private DevVaultServer(WebApplication app, DevVaultState state, IReadOnlyList<IVaultBackend> backends, FaultQueue faults, StandbyForwarder? standby, AuditDevice? audit, Uri address)
    {
        _app = app;
        _state = state;
        _backends = backends;
        _faults = faults;
        _standby = standby;
        _audit = audit;
        Address = address;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c> (<c>https://</c> with a certificate), with the port actually bound.</summary>
    public Uri Address { get; }

    /// <summary>
    /// The root token: <see cref="DevVaultOptions.RootToken"/>, else the seed's, else a random <c>hvs.</c> token. With
    /// file storage it is the one <c>sys/init</c> made, and empty while the server is uninitialised or sealed.
    /// </summary>
    public string RootToken
    {
        get
        {
            lock (_state.Sync)
            {
                return _state.RootToken;
            }
        }
    }

    /// <summary>
    /// In memory, the single unseal key (base64) that opens the server after <c>sys/seal</c>, as <c>vault server -dev</c>
    /// prints it; null with file storage, where <c>sys/init</c> hands the keys out once.
    /// </summary>
    public string? UnsealKey
    {
        get
        {
            lock (_state.Sync)
            {
                return _state.Seal.DevUnsealKey;
            }
        }
    }

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

    /// <summary>
    /// What <c>sys/health</c> reports; set it to see how a client treats a sealed or standby server (a simulation: with
    /// file storage, use <c>sys/seal</c> and <c>sys/unseal</c> for the real thing).
    /// </summary>
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
    /// <exception cref="ArgumentException">The listen address, the storage or the seed is malformed.</exception>
    /// <exception cref="IOException">The address cannot be bound (Kestrel's error, e.g. the port is in use).</exception>
    public static async Task<DevVaultServer> StartAsync(DevVaultOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = ListenAddress.Parse(options.Listen);
        var bootstraps = new[] { options.Seed?.Bootstrap, options.Bootstrap }.OfType<DevVaultBootstrap>().ToList();
        if (bootstraps.Count > 0 && (options.ActiveNode is not null || StateBuilder.UsesFileStorage(options.Storage)))
        {
            throw new ArgumentException(
                "A bootstrap applies to an in-memory active server only; with file storage, run vault-dev/bootstrap.sh after sys/init and sys/unseal, as against a real Vault.",
                nameof(options));
        }

        var (state, backends) = StateBuilder.Build(options);
        var app = BuildApp(endpoint, options.Certificate);
        var standby = options.ActiveNode is { } active ? new StandbyForwarder(active, options.RequestForwarding) : null;
        if (standby is not null)
        {
            state.Status = DevVaultStatus.Standby;
        }

        AuditDevice? audit = null;
        try
        {
            audit = options.AuditFile is { } auditFile ? AuditDevice.Open(auditFile) : null;
            var faults = new FaultQueue();
            var pipeline = new VaultPipeline(state, backends, standby, audit, faults, options.Control);
            foreach (var bootstrap in bootstraps)
            {
                await Seeding.BootstrapRunner.ApplyAsync(pipeline, bootstrap, state.RootToken, cancellationToken);
            }

            app.Run(pipeline.HandleAsync);
            await app.StartAsync(cancellationToken);
            var bound = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new DevVaultServer(app, state, backends, faults, standby, audit, new Uri(bound));
        }
        catch
        {
            audit?.Dispose();
            standby?.Dispose();
            foreach (var backend in backends.OfType<IDisposable>())
            {
                backend.Dispose();
            }

            await app.DisposeAsync();
            throw;
        }
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

        _standby?.Dispose();
        lock (_state.Sync)
        {
            _audit?.Dispose();
            foreach (var backend in _backends.OfType<IDisposable>())
            {
                backend.Dispose();
            }
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

    private static WebApplication BuildApp(IPEndPoint endpoint, X509Certificate2? certificate)
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
            kestrel.Listen(endpoint, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        return builder.Build();
    }
}
