using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureLaunch.Cli;
using SecureLaunch.TestKit;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary><c>securelaunch dev-vault</c> with its flags, run in process until the test triggers shutdown.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class DevVaultCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("securelaunch-dev-vault-cmd-").FullName;

    [Fact]
    public async Task File_storage_starts_uninitialised_prints_how_to_init_and_unseal_and_is_sealed_after_a_restart()
    {
        var first = await StartAsync("--storage", "file:data", "--control");
        first.Cli.Stdout.ShouldContain("with file storage in " + Path.Combine(_directory, "data") + ": not initialised");
        first.Cli.Stdout.ShouldContain("$ securelaunch vault init -o vault-init.json");
        first.Cli.Stdout.ShouldContain("$ securelaunch vault unseal --keys-file vault-init.json");
        first.Cli.Stdout.ShouldNotContain("Root Token:", Case.Sensitive);
        var environment = new TestEnvironment(_directory, new Dictionary<string, string> { ["VAULT_ADDR"] = first.Address.ToString() });
        var init = new CliRun(environment);
        (await init.RunAsync("vault", "init", "-o", "vault-init.json")).ShouldBe(0, init.Stderr);
        await StopAsync(first);

        var second = await StartAsync("--storage", "file:data");
        second.Cli.Stdout.ShouldContain(": sealed. Never use it in production.");
        second.Cli.Stdout.ShouldNotContain("vault init");
        using var http = new HttpClient { BaseAddress = second.Address };
        (await http.GetAsync(new Uri("/v1/sys/health", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await http.GetAsync(new Uri("/_devvault/counters", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var unseal = new CliRun(new TestEnvironment(_directory, new Dictionary<string, string> { ["VAULT_ADDR"] = second.Address.ToString() }));
        (await unseal.RunAsync("vault", "unseal", "--keys-file", "vault-init.json")).ShouldBe(0, unseal.Stderr);
        await StopAsync(second);
    }

    [Fact]
    public async Task In_memory_it_applies_a_bootstrap_writes_an_audit_file_and_serves_the_control_endpoint()
    {
        var bootstrap = Path.Combine(_directory, "bootstrap.txt");
        await File.WriteAllTextAsync(bootstrap, "POST kv/app {\"password\":\"from-bootstrap\"}\n", TestContext.Current.CancellationToken);

        var run = await StartAsync("--bootstrap", "bootstrap.txt", "--audit-file", "audit.log", "--control", "--root-token", "cli-root");

        run.Cli.Stdout.ShouldContain("Bootstrap: 1 requests applied from " + bootstrap);
        run.Cli.Stdout.ShouldContain("Root Token: cli-root");
        run.Cli.Stdout.ShouldMatch("(?m)^Unseal Key: [A-Za-z0-9+/]{43}=$");
        run.Cli.Stdout.ShouldContain($"Control endpoint: {run.Address.ToString().TrimEnd('/')}/_devvault/");
        using var http = new HttpClient { BaseAddress = run.Address };
        http.DefaultRequestHeaders.Add("X-Vault-Token", "cli-root");
        var secret = await http.GetFromJsonAsync<JsonObject>("/v1/kv/app", TestContext.Current.CancellationToken);
        secret!["data"]!["password"]!.GetValue<string>().ShouldBe("from-bootstrap");
        (await http.GetStringAsync(new Uri("/_devvault/counters", UriKind.Relative), TestContext.Current.CancellationToken)).ShouldContain("\"logins\":{}");
        await StopAsync(run);
        var audit = await File.ReadAllTextAsync(Path.Combine(_directory, "audit.log"), TestContext.Current.CancellationToken);
        audit.ShouldContain("\"path\":\"kv/app\"");
        audit.ShouldNotContain("from-bootstrap");
        audit.ShouldNotContain("cli-root");
    }

    [Fact]
    public async Task Tls_cert_and_key_serve_https()
    {
        using var ca = TestCertificates.CreateCa("dev-vault-cli-ca");
        using var server = TestCertificates.IssueServer(ca);
        await File.WriteAllTextAsync(Path.Combine(_directory, "cert.pem"), TestCertificates.ToPem(server), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_directory, "key.pem"), TestCertificates.KeyPem(server), TestContext.Current.CancellationToken);

        var run = await StartAsync("--tls-cert", "cert.pem", "--tls-key", "key.pem");

        run.Address.Scheme.ShouldBe("https");
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == server.Thumbprint };
        using var http = new HttpClient(handler) { BaseAddress = run.Address };
        (await http.GetAsync(new Uri("/v1/sys/health", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await StopAsync(run);
    }

    [Theory]
    [InlineData(new[] { "--listen", "0.0.0.0:8200" }, "only listens on loopback")]
    [InlineData(new[] { "--storage", "consul" }, "--storage consul: expected inmem or file:DIR")]
    [InlineData(new[] { "--storage", "file:data", "--root-token", "x" }, "its root token comes from sys/init")]
    [InlineData(new[] { "--storage", "file:data", "--bootstrap", "b.txt" }, "bootstrap.sh sets it up after unseal")]
    [InlineData(new[] { "--tls-cert", "cert.pem" }, "--tls-cert and --tls-key go together")]
    [InlineData(new[] { "--bootstrap", "missing.txt" }, "missing.txt")]
    [InlineData(new[] { "--bootstrap", "bad.txt" }, "bad.txt:1:1: 'GET' is not POST, PUT or DELETE")]
    public async Task Bad_flags_fail_with_125_and_one_line(string[] args, string message)
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "bad.txt"), "GET kv/x\n", TestContext.Current.CancellationToken);
        var cli = new CliRun(new TestEnvironment(_directory));

        string[] listen = args.Contains("--listen") ? [] : ["--listen", "127.0.0.1:0"];
        (await cli.RunAsync(["dev-vault", .. listen, .. args])).ShouldBe(ExitCodes.LaunchFailed);

        cli.Stderr.ShouldStartWith("securelaunch: error: ");
        cli.Stderr.ShouldContain(message);
        cli.Stderr.TrimEnd('\n').ShouldNotContain('\n');
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<(CliRun Cli, Task<int> Running, Uri Address)> StartAsync(params string[] flags)
    {
        var cli = new CliRun(new TestEnvironment(_directory));
        var running = cli.RunAsync(["dev-vault", "--listen", "127.0.0.1:0", .. flags]);
        await Wait.UntilAsync(() => cli.Stdout.Contains("==> Serving until SIGINT or SIGTERM."), running);
        return (cli, running, new Uri(Address().Match(cli.Stdout).Groups[1].Value));
    }

    private static async Task StopAsync((CliRun Cli, Task<int> Running, Uri Address) run)
    {
        run.Cli.Shutdown.Trigger(0);
        (await run.Running).ShouldBe(0, run.Cli.Stderr);
    }

    [GeneratedRegex("export VAULT_ADDR='([^']+)'")]
    private static partial Regex Address();
}
