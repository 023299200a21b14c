using SecureLaunch.DevVault;

namespace SecureLaunch.Cli.Commands;

/// <summary>What <c>dev-vault</c> prints once it listens: how to reach it, and, with file storage, how to init and unseal it.</summary>
internal static partial class DevVaultCommand
{
    private static void WriteBanner(TextWriter output, DevVaultServer server, DevVaultOptions options)
    {
        var address = server.Address.ToString().TrimEnd('/');
        if (options.Storage is { } storage)
        {
            WriteStorageBanner(output, server, storage["file:".Length..], address);
        }
        else
        {
            output.WriteLine("==> SecureLaunch dev Vault started: in memory, unsealed, a root token. Never use it in production.");
            output.WriteLine();
            output.WriteLine("You may need to set the following environment variables:");
            output.WriteLine();
            output.WriteLine($"    $ export VAULT_ADDR='{address}'");
            output.WriteLine($"    $ export VAULT_TOKEN='{server.RootToken}'");
            output.WriteLine();
            output.WriteLine("The unseal key and root token are displayed below in case you want to seal/unseal the Vault or re-authenticate.");
            output.WriteLine();
            output.WriteLine($"Unseal Key: {server.UnsealKey}");
            output.WriteLine($"Root Token: {server.RootToken}");
        }

        output.WriteLine();
        if (options.Bootstrap is { } bootstrap)
        {
            output.WriteLine($"Bootstrap: {bootstrap.Requests.Count} requests applied from {bootstrap.SourceName}");
        }

        if (options.AuditFile is { } audit)
        {
            output.WriteLine($"Audit file: {audit} (JSON lines, values HMAC-hashed)");
        }

        if (options.Control)
        {
            output.WriteLine($"Control endpoint: {address}/_devvault/ (GET counters; POST faults, seal) for tests; anyone who reaches the port can use it");
        }

        output.WriteLine("==> Serving until SIGINT or SIGTERM.");
    }

    private static void WriteStorageBanner(TextWriter output, DevVaultServer server, string directory, string address)
    {
        var uninitialised = server.Status == DevVaultStatus.Uninitialized;
        output.WriteLine($"==> SecureLaunch dev Vault started with file storage in {directory}: {(uninitialised ? "not initialised" : "sealed")}. Never use it in production.");
        output.WriteLine();
        output.WriteLine($"    $ export VAULT_ADDR='{address}'");
        output.WriteLine();
        if (uninitialised)
        {
            output.WriteLine("Initialise it (the keys and root token go to a new 0600 file), unseal it, then set it up as a real Vault:");
            output.WriteLine();
            output.WriteLine("    $ securelaunch vault init -o vault-init.json");
        }
        else
        {
            output.WriteLine("Unseal it with the keys its sys/init gave (it is sealed after every start), then use the root token from then:");
            output.WriteLine();
        }

        output.WriteLine("    $ securelaunch vault unseal --keys-file vault-init.json");
        if (uninitialised)
        {
            output.WriteLine("    $ VAULT_TOKEN=<root_token from vault-init.json> vault-dev/bootstrap.sh");
        }
    }
}
