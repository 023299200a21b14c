using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet.Models;
using Shouldly;

namespace SecureLaunch.IntegrationTests.Swarm;

/// <summary>
/// The multi-node Swarm the deploy tests stand on behaves as a real cluster: three ready nodes, placement on workers,
/// secrets delivered with the owner and mode asked for, rescheduling on drain, restart of a killed task, and a server on
/// the host reachable from a task with host networking (as the SecureLaunch agent service runs).
/// </summary>
[Collection(SwarmClusterCollection.Name)]
public sealed class SwarmClusterTests(SwarmCluster cluster)
{
    private const string OnWorkers = "node.role == worker";
    private static readonly SwarmRestartPolicy RestartAtOnce = new() { Condition = "any", Delay = TimeSpan.FromMilliseconds(100) };
    private static readonly SwarmRestartPolicy RunOnce = new() { Condition = "none" };

    /// <summary>Runs until stopped, and stops at once on SIGTERM (a bare <c>sleep</c> as PID 1 ignores it for the whole grace).</summary>
    private static ContainerSpec Sleeper() => new()
    {
        Image = "busybox:stable",
        Command = ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"],
    };

    [Fact]
    public async Task The_cluster_has_a_manager_and_two_workers_all_ready()
    {
        cluster.Require();
        using var manager = cluster.EngineOf(SwarmCluster.ManagerHostname);

        var info = await manager.GetInfoAsync(TestContext.Current.CancellationToken);
        var nodes = await cluster.Client.Swarm.ListNodesAsync(TestContext.Current.CancellationToken);

        (info.SwarmState, info.IsSwarmManager).ShouldBe(("active", true));
        nodes.Select(n => (n.Description?.Hostname, n.Spec?.Role, n.Status?.State)).OrderBy(n => n.Hostname).ShouldBe<(string?, string?, string?)>(
        [
            ("slc-manager", "manager", "ready"),
            ("slc-worker1", "worker", "ready"),
            ("slc-worker2", "worker", "ready"),
        ]);
        nodes.Select(n => n.Status?.Addr).Distinct().Count().ShouldBe(3, "each node has its own address");
    }

    [Fact]
    public async Task A_service_constrained_to_workers_runs_on_one_and_reads_its_secret_with_the_owner_and_mode_asked_for()
    {
        await using var scope = new SwarmScope(cluster);
        var value = RandomNumberGenerator.GetBytes(24);
        var secret = await scope.CreateSecretAsync("db", value);
        var expected = Convert.ToHexStringLower(SHA256.HashData(value));
        // Runs as 1000:1001 and reads a 0400 file: only the owner the reference asked for can. The value never
        // reaches the logs: its hash is compared in the container, and the exit code says what differed.
        var container = new ContainerSpec
        {
            Image = "busybox:stable",
            User = "1000:1001",
            Command = ["sh", "-c", $"""
                f=/run/secrets/app-secret
                [ "$(stat -c %u:%g:%a $f)" = 1000:1001:400 ] || exit 3
                [ "$(sha256sum < $f | cut -d ' ' -f 1)" = {expected} ] || exit 4
                """],
            Secrets = [new SecretReference
            {
                SecretID = secret.Id,
                SecretName = secret.Name,
                File = new SecretReferenceFileTarget { Name = "app-secret", UID = "1000", GID = "1001", Mode = 0b100_000_000 },
            }],
        };

        var service = await scope.CreateServiceAsync("reader", container, RunOnce, OnWorkers);
        var task = await scope.WaitForTaskAsync(service, t => t.HasEnded, "finished task");
        var hostnames = await scope.HostnamesAsync();

        task.State.ShouldBe(TaskState.Complete, task.ToString());
        hostnames[task.NodeId].ShouldStartWith("slc-worker");
        using var worker = cluster.EngineOf(hostnames[task.NodeId]);
        var onWorker = await worker.ListContainersAsync(
            new Dictionary<string, string> { ["com.docker.swarm.task.id"] = task.Id }, TestContext.Current.CancellationToken);
        onWorker.Single().Id.ShouldBe(task.ContainerId, "the task's container is on that worker's own daemon");
    }

    [Fact]
    public async Task Draining_a_node_moves_its_task_to_the_other_worker()
    {
        await using var scope = new SwarmScope(cluster);
        var service = await scope.CreateServiceAsync("drained", Sleeper(), RestartAtOnce, OnWorkers);
        var first = await scope.WaitForTaskAsync(service, t => t.IsRunning, "running task");

        await scope.SetAvailabilityAsync(first.NodeId, "drain");
        var moved = await scope.WaitForTaskAsync(service, t => t.IsRunning && t.NodeId != first.NodeId, "running task on another node");

        var hostnames = await scope.HostnamesAsync();
        hostnames[moved.NodeId].ShouldStartWith("slc-worker", Case.Sensitive, "the constraint holds: the manager takes no task");
        (await scope.TasksAsync(service)).Single(t => t.Id == first.Id).Desired.ShouldBe(TaskState.Shutdown);
    }

    [Fact]
    public async Task Killing_a_task_container_makes_swarm_start_a_new_one()
    {
        await using var scope = new SwarmScope(cluster);
        var service = await scope.CreateServiceAsync("killed", Sleeper(), RestartAtOnce, OnWorkers);
        var first = await scope.WaitForTaskAsync(service, t => t.IsRunning, "running task");
        var hostnames = await scope.HostnamesAsync();

        using (var worker = cluster.EngineOf(hostnames[first.NodeId]))
        {
            await worker.SignalContainerAsync(first.ContainerId, "KILL", TestContext.Current.CancellationToken);
        }

        var second = await scope.WaitForTaskAsync(service, t => t.IsRunning && t.Id != first.Id, "replacement task");
        second.ContainerId.ShouldNotBe(first.ContainerId);
        (await scope.TasksAsync(service)).Single(t => t.Id == first.Id).State.ShouldBe(TaskState.Failed);
    }

    [Fact]
    public async Task A_host_network_task_on_a_worker_reaches_a_server_listening_on_the_hosts_cluster_address()
    {
        await using var scope = new SwarmScope(cluster);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        using var listener = new TcpListener(cluster.HostAddress, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = ServeOnceAsync(listener, $"reply-{nonce}");
        // Exit 3 unless the reply the host sent came back whole.
        var container = new ContainerSpec
        {
            Image = "busybox:stable",
            Command = ["sh", "-c", $"[ \"$(wget -qO- http://{cluster.HostAddress}:{port}/{nonce})\" = reply-{nonce} ] || exit 3"],
        };

        var service = await scope.CreateServiceAsync("fetch", container, RunOnce, ["host"], "node.hostname == slc-worker1");
        var task = await scope.WaitForTaskAsync(service, t => t.HasEnded, "finished task");

        task.State.ShouldBe(TaskState.Complete, task.ToString());
        var (requestLine, client) = await served.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        requestLine.ShouldStartWith($"GET /{nonce} ");
        var worker1 = (await cluster.Client.Swarm.ListNodesAsync(TestContext.Current.CancellationToken)).Single(n => n.Description?.Hostname == "slc-worker1");
        client.ToString().ShouldBe(worker1.Status?.Addr, "the request came from worker1's own address: host networking on that node");
    }

    /// <summary>Answers one HTTP request with <paramref name="body"/>; returns its request line and the client's address.</summary>
    private static async Task<(string RequestLine, IPAddress Client)> ServeOnceAsync(TcpListener listener, string body)
    {
        using var connection = await listener.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
        var client = ((IPEndPoint)connection.Client.RemoteEndPoint!).Address;
        await using var stream = connection.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        var requestLine = await reader.ReadLineAsync(TestContext.Current.CancellationToken) ?? "";
        while (!string.IsNullOrEmpty(await reader.ReadLineAsync(TestContext.Current.CancellationToken)))
        {
        }

        var response = Encoding.ASCII.GetBytes(
            $"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}");
        await stream.WriteAsync(response, TestContext.Current.CancellationToken);
        return (requestLine, client);
    }
}
