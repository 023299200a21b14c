using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.DevVault;

namespace SecureLaunch.Cli.Hosting;

/// <summary>
/// The Vault a spec verb talks to: the spec's (or VAULT_ADDR), or with <c>--dev</c> the embedded dev Vault seeded
/// from the spec's <c>dev:</c> section, started here and stopped on disposal.
/// </summary>
internal sealed class VaultEndpoint : IAsyncDisposable
{
    private readonly DevVaultServer? _devVault;

    private VaultEndpoint(VaultTarget target, DevVaultServer? devVault)
    {
        Target = target;
        _devVault = devVault;
    }

    public VaultTarget Target { get; }

    public static async Task<VaultEndpoint> OpenAsync(CliContext context, RunSpec spec, string specPath, bool dev, CancellationToken cancellationToken)
    {
        if (!dev)
        {
            return new VaultEndpoint(VaultTarget.Resolve(spec.Vault, context.Environment), null);
        }

        var devVault = await DevVaultServer.StartAsync(new DevVaultOptions { Seed = DevVaultSeed.FromYamlFile(specPath) }, cancellationToken);
        return new VaultEndpoint(new VaultTarget(devVault.Address, devVault.RootToken, "the embedded dev Vault"), devVault);
    }

    public ValueTask DisposeAsync() => _devVault?.DisposeAsync() ?? ValueTask.CompletedTask;
}
