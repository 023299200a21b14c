using System.Diagnostics;
using System.Reflection;
using SecureLaunch.Cli;
using SecureLaunch.TestKit;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary>
/// The image <c>scripts/agent-image.sh</c> builds runs SecureLaunch on the real engine, with what .NET loads at run
/// time and ldd does not show (OpenSSL) present. Slow the first time on a checkout: see <see cref="AgentImage"/>.
/// </summary>
public sealed class AgentImageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Version_in_a_container_is_this_build()
    {
        var image = await AgentImage.EnsureAsync();
        var version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var (exitCode, stdout, stderr) = await DockerAsync("run", "--rm", image, "version");

        exitCode.ShouldBe(0, stderr);
        stdout.ShouldStartWith($"securelaunch {version} (.NET ");
    }

    [Fact]
    public async Task The_image_serves_and_verifies_https_with_openssl_a_dev_vault_and_vault_status_in_one_container()
    {
        var image = await AgentImage.EnsureAsync();
        var directory = Directory.CreateTempSubdirectory("slimg").FullName;
        using var ca = TestCertificates.CreateCa("SecureLaunch image test CA");
        using var server = TestCertificates.IssueServer(ca);
        await File.WriteAllTextAsync(Path.Combine(directory, "ca.pem"), TestCertificates.ToPem(ca), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "server.pem"), TestCertificates.ToPem(server), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "server.key"), TestCertificates.KeyPem(server), TestContext.Current.CancellationToken);
        var name = $"slimg-{Guid.NewGuid():N}"[..18];
        try
        {
            var (started, _, startError) = await DockerAsync(
                "run", "-d", "--name", name, "-v", $"{directory}:/tls:ro", image,
                "dev-vault", "--tls-cert", "/tls/server.pem", "--tls-key", "/tls/server.key");
            started.ShouldBe(0, startError);

            // The dev Vault takes a moment to listen: asked until it answers (a hang guard, not a timing assertion).
            var trusted = await StatusUntilAnsweredAsync(name, "-e", "VAULT_CACERT=/tls/ca.pem");
            var untrusted = await DockerAsync("exec", "-e", "VAULT_ADDR=https://127.0.0.1:8200", name, "securelaunch", "vault", "status");

            trusted.ExitCode.ShouldBe(0, trusted.Stderr);
            trusted.Stdout.ShouldContain("https://127.0.0.1:8200");
            untrusted.ExitCode.ShouldBe(ExitCodes.LaunchFailed, "the image's own CA bundle does not hold the test CA");
            untrusted.Stderr.ShouldContain("TLS handshake failed");
        }
        finally
        {
            await DockerAsync("rm", "-f", name);
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> StatusUntilAnsweredAsync(string container, params string[] env)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);
        while (true)
        {
            var result = await DockerAsync(["exec", "-e", "VAULT_ADDR=https://127.0.0.1:8200", .. env, container, "securelaunch", "vault", "status"]);
            var notYetListening = result.Stderr.Contains("could not be reached", StringComparison.Ordinal)
                && !result.Stderr.Contains("TLS handshake", StringComparison.Ordinal);
            if (result.ExitCode == 0 || !notYetListening || patience.IsCancellationRequested)
            {
                return result;
            }

            await Task.Delay(250, CancellationToken.None);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> DockerAsync(params string[] args)
    {
        var start = new ProcessStartInfo("docker", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        return (process.ExitCode, await stdout, await stderr);
    }
}
