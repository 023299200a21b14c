using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;
using SecureLaunch.Vault;

namespace SecureLaunch.Cli.Hosting;

/// <summary>The composition root's wiring of the Vault client and the Docker engine for one command.</summary>
internal sealed class Engines : IDisposable
{
    private Engines(VaultClient vault, DockerEngine docker)
    {
        Vault = vault;
        Docker = docker;
        Swarm = docker;
    }

    public IVaultClient Vault { get; }

    public IContainerEngine Docker { get; }

    /// <summary>The same engine, for Swarm services.</summary>
    public ISwarmEngine Swarm { get; }

    public static Engines Create(CliContext context, VaultTarget target, VaultSettings? settings, ILoggerFactory loggers)
    {
        var vault = CreateVault(context, target, settings, loggers);
        var dockerHost = context.Environment.GetVariable("DOCKER_HOST");
        if (!DockerEndpoint.TryResolve(dockerHost, out var endpoint))
        {
            vault.Dispose();
            throw new LaunchException($"DOCKER_HOST '{dockerHost}' is not a Docker endpoint (unix://, tcp://, http://, https://, npipe://)");
        }

        var docker = new DockerEngine(
            new DockerEngineOptions { Endpoint = endpoint, TimeProvider = context.TimeProvider },
            loggers.CreateLogger<DockerEngine>());
        return new Engines(vault, docker);
    }

    /// <summary>The Vault client alone, for verbs that need no Docker engine (<c>vault status|init|unseal</c>).</summary>
    public static VaultClient CreateVault(CliContext context, VaultTarget target, VaultSettings? settings, ILoggerFactory loggers) =>
        new(
            new VaultClientOptions
            {
                Address = target.Address,
                Token = target.Token,
                Namespace = settings?.Namespace ?? NullIfEmpty(context.Environment.GetVariable("VAULT_NAMESPACE")),
                Tls = VaultTls.Resolve(settings?.Tls, context.Environment) ?? new VaultTlsOptions(),
                TimeProvider = context.TimeProvider,
            },
            loggers.CreateLogger<VaultClient>());

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public void Dispose()
    {
        Vault.Dispose();
        Docker.Dispose();
    }
}
