using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using Docker.DotNet;
using Microsoft.Extensions.Logging.Abstractions;
using SecureLaunch.Docker;

namespace SecureLaunch.IntegrationTests.Swarm;

/// <summary>
/// A real three-node Swarm (a manager and two workers, each its own dockerd in its own network namespace) built by
/// <c>scripts/swarm-cluster.sh up</c> once for the test collection and released after it. The machine's own engine
/// and its swarm are not touched.
/// </summary>
/// <remarks>
/// The script exits 2 when the host cannot run the cluster (not root, a tool missing): the tests then skip with its
/// reason, except when <c>CI=true</c>, where a skipped multi-node suite would hide a broken CI host, so it fails.
/// Test runs share one cluster: <c>up --hold PID</c> and <c>down --release PID</c> leave it running while another run
/// holds it, or when it was brought up by hand.
/// </remarks>
public sealed class SwarmCluster : IAsyncLifetime
{
    /// <summary>Hostnames the script gives its nodes; the node's socket is <c>STATE/NAME/docker.sock</c>.</summary>
    public const string ManagerHostname = "slc-manager";

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(4);

    private static readonly string Script = Path.Combine(
        typeof(SwarmCluster).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "scripts", "swarm-cluster.sh");

    private readonly string _holder = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
    private DockerClient? _client;
    private string? _stateDirectory;
    private string? _skipReason;
    private IPAddress? _hostAddress;

    /// <summary>The manager's Docker.DotNet client, for the Swarm calls our own Docker layer does not make.</summary>
    public DockerClient Client => _client ?? throw new InvalidOperationException("call Require() first");

    /// <summary>The manager's endpoint (<c>unix:///run/securelaunch-cluster/manager/docker.sock</c>).</summary>
    public Uri ManagerEndpoint => EndpointOf(ManagerHostname);

    /// <summary>
    /// This machine's address on the cluster's network (<c>10.213.0.1</c>): a server on the host listening there (or on
    /// any address) is reachable from the nodes, and so from a container with host networking on any of them.
    /// </summary>
    public IPAddress HostAddress
    {
        get
        {
            Require();
            return _hostAddress ?? throw new InvalidOperationException("call Require() first");
        }
    }

    /// <summary>Skips the calling test when this host cannot run the cluster.</summary>
    public void Require() => Assert.SkipWhen(_skipReason is not null, _skipReason ?? "");

    /// <summary>The endpoint of the node with this hostname (<c>slc-worker1</c> ...).</summary>
    public Uri EndpointOf(string hostname)
    {
        Require();
        var name = hostname.StartsWith("slc-", StringComparison.Ordinal) ? hostname[4..] : hostname;
        return new Uri($"unix://{Path.Combine(_stateDirectory!, name, "docker.sock")}");
    }

    /// <summary>Our own Docker layer pointed at one node's daemon; the caller disposes it.</summary>
    public DockerEngine EngineOf(string hostname) =>
        new(new DockerEngineOptions { Endpoint = EndpointOf(hostname) }, NullLogger.Instance);

    public async ValueTask InitializeAsync()
    {
        var (exitCode, stdout, stderr) = await RunScriptAsync("up", "--hold", _holder);
        if (exitCode == 2)
        {
            var reason = $"no multi-node Swarm on this host: {stderr.Trim().Replace("swarm-cluster: cannot run here: ", "", StringComparison.Ordinal)}";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{reason} (CI=true: the Swarm tests must run on CI)");
            }

            _skipReason = reason;
            return;
        }

        if (exitCode != 0)
        {
            throw new InvalidOperationException($"scripts/swarm-cluster.sh up exited {exitCode}:\n{stderr}");
        }

        var lines = stdout.Split('\n');
        var dockerHost = lines.Single(l => l.StartsWith("DOCKER_HOST=", StringComparison.Ordinal))["DOCKER_HOST=".Length..];
        _hostAddress = IPAddress.Parse(lines.Single(l => l.StartsWith("HOST_ADDR=", StringComparison.Ordinal))["HOST_ADDR=".Length..]);
        var socket = DockerEndpoint.Resolve(dockerHost).AbsolutePath;
        _stateDirectory = Path.GetDirectoryName(Path.GetDirectoryName(socket));
        _client = new DockerClientBuilder().WithEndpoint(ManagerEndpoint).Build();
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _client = null;
        if (_skipReason is not null || _stateDirectory is null)
        {
            return;
        }

        _stateDirectory = null;
        var (exitCode, _, stderr) = await RunScriptAsync("down", "--release", _holder);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"scripts/swarm-cluster.sh down exited {exitCode}:\n{stderr}");
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunScriptAsync(params string[] arguments)
    {
        if (!File.Exists("/bin/bash") && !File.Exists("/usr/bin/bash"))
        {
            return (2, "", "bash is missing");
        }

        return await BashScript.RunAsync(Script, ScriptTimeout, arguments);
    }
}
