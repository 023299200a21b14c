using SecureLaunch.Cli;
using SecureLaunch.DevVault;
using SecureLaunch.TestKit;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary><c>run</c> against a dev Vault serving HTTPS with a certificate from a CA the test makes.</summary>
public sealed class VaultTlsTests
{
    private const string Seed = "dev: { kv: { secret/app/config: { greeting: hello-over-tls } } }";

    [Fact]
    public async Task Vault_tls_ca_cert_in_the_spec_lets_the_launch_trust_a_private_ca()
    {
        var (vault, directory) = await StartAsync();
        await using (vault)
        {
            using var spec = new SpecDirectory(Spec(directory, "  tls: { caCert: " + Path.Combine(directory, "ca.pem") + " }"));
            var cli = new CliRun(new TestEnvironment(spec.Path, new Dictionary<string, string>
            {
                ["VAULT_ADDR"] = vault.Address.ToString(),
                ["VAULT_TOKEN"] = vault.RootToken,
            }));

            (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(0, cli.Stderr);

            cli.Stdout.ShouldBe("over-tls\n");
        }
    }

    [Fact]
    public async Task Without_the_ca_the_launch_fails_with_125_saying_the_tls_handshake_failed()
    {
        var (vault, directory) = await StartAsync();
        await using (vault)
        {
            using var spec = new SpecDirectory(Spec(directory, string.Empty));
            var cli = new CliRun(new TestEnvironment(spec.Path, new Dictionary<string, string>
            {
                ["VAULT_ADDR"] = vault.Address.ToString(),
                ["VAULT_TOKEN"] = vault.RootToken,
            }));

            (await cli.RunAsync("run", "-f", spec.File)).ShouldBe(ExitCodes.LaunchFailed);

            cli.Stderr.ShouldContain("TLS handshake failed");
        }
    }

    private static string Spec(string directory, string tls) => $$$"""
        version: 1
        name: tls-{{{Path.GetFileName(directory)}}}
        vault:
        {{{tls}}}
        secrets:
          config: { path: secret/app/config }
        containers:
          main:
            image: busybox:stable
            command: ["sh", "-c", "echo $${GREETING#hello-}"]
            env: { GREETING: "{{ config.greeting }}" }
        """.Replace("vault:\n\nsecrets", "secrets", StringComparison.Ordinal);

    private static async Task<(DevVaultServer Vault, string Directory)> StartAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("sltls").FullName;
        using var ca = TestCertificates.CreateCa("SecureLaunch test CA");
        var server = TestCertificates.IssueServer(ca);
        await File.WriteAllTextAsync(Path.Combine(directory, "ca.pem"), TestCertificates.ToPem(ca), TestContext.Current.CancellationToken);
        var vault = await DevVaultServer.StartAsync(
            new DevVaultOptions { Certificate = server, Seed = DevVaultSeed.FromYaml(Seed, "seed.yaml") }, TestContext.Current.CancellationToken);
        return (vault, directory);
    }
}
