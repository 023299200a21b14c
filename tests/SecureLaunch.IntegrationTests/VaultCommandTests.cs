using SecureLaunch.Cli;
using SecureLaunch.DevVault;
using Shouldly;

namespace SecureLaunch.IntegrationTests;

/// <summary><c>securelaunch vault init|status|unseal</c> against a file-storage dev Vault that starts uninitialised.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class VaultCommandTests
{
    [Fact]
    public async Task Init_writes_the_keys_to_a_private_file_then_status_and_unseal_open_the_vault()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = Directory.CreateTempSubdirectory("securelaunch-vault-cmd-").FullName;
        try
        {
            await using var vault = await DevVaultServer.StartAsync(new DevVaultOptions { Storage = $"file:{storage}" }, ct);
            var environment = new TestEnvironment(storage, new Dictionary<string, string> { ["VAULT_ADDR"] = vault.Address.ToString() });
            var keys = Path.Combine(storage, "init.json");

            var init = new CliRun(environment);
            (await init.RunAsync("vault", "init", "--key-shares", "3", "--key-threshold", "2", "-o", "init.json")).ShouldBe(0, init.Stderr);
            File.GetUnixFileMode(keys).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            init.Stderr.ShouldContain("THAT FILE IS THE ONLY COPY");
            init.Stdout.ShouldBeEmpty();

            var sealedStatus = new CliRun(environment);
            (await sealedStatus.RunAsync("vault", "status")).ShouldBe(2);
            sealedStatus.Stdout.ShouldContain("  sealed        yes");

            var unseal = new CliRun(environment);
            (await unseal.RunAsync("vault", "unseal", "--keys-file", "init.json")).ShouldBe(0, unseal.Stderr);
            unseal.Stderr.ShouldContain("unseal progress 2/2");
            unseal.Stdout.ShouldBe("Vault is unsealed\n");
            var fileText = await File.ReadAllTextAsync(keys, ct);
            foreach (var line in fileText.Split('"').Where(t => t.Length > 20))
            {
                unseal.Stderr.ShouldNotContain(line);
                init.Stderr.ShouldNotContain(line);
            }

            var openStatus = new CliRun(environment);
            (await openStatus.RunAsync("vault", "status")).ShouldBe(0, openStatus.Stderr);
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    [Fact]
    public async Task Init_refuses_to_overwrite_an_existing_keys_file()
    {
        var directory = Directory.CreateTempSubdirectory("securelaunch-vault-cmd-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "init.json"), "{}", TestContext.Current.CancellationToken);
            var cli = new CliRun(new TestEnvironment(directory, new Dictionary<string, string> { ["VAULT_ADDR"] = "http://127.0.0.1:9" }));

            (await cli.RunAsync("vault", "init", "-o", "init.json")).ShouldBe(ExitCodes.LaunchFailed);

            cli.Stderr.ShouldContain("the file exists; refusing to overwrite");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
