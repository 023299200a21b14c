using Microsoft.Extensions.Hosting;

namespace SecureLaunch.DevVault.Internal;

/// <summary>
/// Replaces the console lifetime: an embedded server must not stop itself on SIGINT/SIGTERM, because the
/// launcher still revokes its leases against it while shutting down.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
