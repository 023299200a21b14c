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
        try
        {
            return new Engines(vault, CreateDocker(context, loggers));
        }
        catch (LaunchException)
        {
            vault.Dispose();
            throw;
        }
    }

    /// <summary>The Docker engine alone (<c>DOCKER_HOST</c>, else the default socket), for verbs that need no Vault.</summary>
    /// <exception cref="LaunchException">DOCKER_HOST is not a Docker endpoint.</exception>
    public static DockerEngine CreateDocker(CliContext context, ILoggerFactory loggers)
    {
        var dockerHost = context.Environment.GetVariable("DOCKER_HOST");
        if (!DockerEndpoint.TryResolve(dockerHost, out var endpoint))
        {
            throw new LaunchException($"DOCKER_HOST '{dockerHost}' is not a Docker endpoint (unix://, tcp://, http://, https://, npipe://)");
        }

        return new DockerEngine(
            new DockerEngineOptions { Endpoint = endpoint, TimeProvider = context.TimeProvider },
            loggers.CreateLogger<DockerEngine>());
    }

    /// <summary>The Vault client alone, for verbs that need no Docker engine (<c>vault status|init|unseal</c>).</summary>
    public static VaultClient CreateVault(CliContext context, VaultTarget target, VaultSettings? settings, ILoggerFactory loggers) =>
        CreateVault(context, target, settings, Namespace(context, settings), loggers);

    /// <summary>The Vault client with an explicit namespace (<c>down</c> uses the one the launch's leases live in).</summary>
    public static VaultClient CreateVault(CliContext context, VaultTarget target, VaultSettings? settings, string? @namespace, ILoggerFactory loggers) =>
        new(
            new VaultClientOptions
            {
                Address = target.Address,
                Token = target.Token,
                Namespace = @namespace,
                Tls = VaultTls.Resolve(settings?.Tls, context.Environment) ?? new VaultTlsOptions(),
                TimeProvider = context.TimeProvider,
            },
            loggers.CreateLogger<VaultClient>());

    /// <summary>The namespace requests carry: the spec's <c>vault.namespace</c>, then <c>VAULT_NAMESPACE</c>.</summary>
    public static string? Namespace(CliContext context, VaultSettings? settings) =>
        settings?.Namespace ?? NullIfEmpty(context.Environment.GetVariable("VAULT_NAMESPACE"));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public void Dispose()
    {
        Vault.Dispose();
        Docker.Dispose();
    }
}
