using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using SecureLaunch.Docker.Logging;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Docker;

/// <summary>Swarm secrets and configs: created with labels, found by label, removed.</summary>
public sealed partial class DockerEngine
{
    /// <inheritdoc/>
    /// <remarks>
    /// <c>POST /secrets/create</c>: 201; 409 name in use; 400/500 invalid name or data (swarmkit's InvalidArgument);
    /// 503 not a swarm. The size is checked here first, so an oversized secret never reaches the daemon. The
    /// daemon never echoes data in its errors, and the request body is not logged.
    /// </remarks>
    public Task<SwarmObjectInfo> CreateSecretAsync(NewSwarmObject secret, CancellationToken cancellationToken)
    {
        CheckObject(secret, "secret", SwarmObjectLimits.MaxSecretBytes);
        return CallAsync($"create secret {secret.Name}", async token =>
        {
            var spec = new SwarmSecretSpec { Name = secret.Name, Labels = new Dictionary<string, string>(secret.Labels), Data = secret.Data.ToArray() };
            try
            {
                var created = await _client.Secrets.CreateAsync(spec, token);
                Log.SecretCreated(_logger, secret.Name, new ShortId(created.ID), secret.Data.Length);
                return new SwarmObjectInfo(created.ID, secret.Name, secret.Labels);
            }
            finally
            {
                Array.Clear(spec.Data);
            }
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>GET /secrets</c>: 200, 500, 503. Docker.DotNet sends no filters here, so labels are matched on this side.</remarks>
    public Task<IReadOnlyList<SwarmObjectInfo>> ListSecretsAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return CallAsync("list secrets", async token =>
        {
            var secrets = await _client.Secrets.ListAsync(token);
            IReadOnlyList<SwarmObjectInfo> matching = secrets
                .Where(s => HasLabels(s.Spec?.Labels, labels))
                .Select(s => new SwarmObjectInfo(s.ID, s.Spec?.Name ?? "", Copy(s.Spec?.Labels)))
                .ToList();
            return matching;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>DELETE /secrets/{id}</c>: 204; 404 gone (success); 400/500 still in use by a service; 503.</remarks>
    public Task RemoveSecretAsync(string secretId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretId);
        return CallAsync($"remove secret {new ShortId(secretId)}", async token =>
        {
            try
            {
                await _client.Secrets.DeleteAsync(secretId, token);
                Log.SecretRemoved(_logger, new ShortId(secretId));
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                Log.SwarmObjectAlreadyGone(_logger, "secret", new ShortId(secretId));
            }

            return true;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>POST /configs/create</c>: 201; 409 name in use; 400/500 invalid; 503. Size checked here first.</remarks>
    public Task<SwarmObjectInfo> CreateConfigAsync(NewSwarmObject config, CancellationToken cancellationToken)
    {
        CheckObject(config, "config", SwarmObjectLimits.MaxConfigBytes);
        return CallAsync($"create config {config.Name}", async token =>
        {
            var created = await _client.Configs.CreateConfigAsync(
                new SwarmCreateConfigParameters
                {
                    Config = new SwarmConfigSpec { Name = config.Name, Labels = new Dictionary<string, string>(config.Labels), Data = config.Data.ToArray() },
                },
                token);
            Log.ConfigCreated(_logger, config.Name, new ShortId(created.ID), config.Data.Length);
            return new SwarmObjectInfo(created.ID, config.Name, config.Labels);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>GET /configs/{id}</c>: 200; 404 no such config; 500, 503.</remarks>
    public Task<byte[]?> ReadConfigAsync(string configId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(configId);
        return CallAsync($"read config {new ShortId(configId)}", async token =>
        {
            try
            {
                var config = await _client.Configs.InspectConfigAsync(configId, token);
                return config.Spec?.Data?.ToArray() ?? [];
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return (byte[]?)null;
            }
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>GET /configs</c>: 200, 500, 503; labels are matched on this side.</remarks>
    public Task<IReadOnlyList<SwarmObjectInfo>> ListConfigsAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return CallAsync("list configs", async token =>
        {
            var configs = await _client.Configs.ListConfigsAsync(token);
            IReadOnlyList<SwarmObjectInfo> matching = configs
                .Where(c => HasLabels(c.Spec?.Labels, labels))
                .Select(c => new SwarmObjectInfo(c.ID, c.Spec?.Name ?? "", Copy(c.Spec?.Labels)))
                .ToList();
            return matching;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks><c>DELETE /configs/{id}</c>: 204; 404 gone (success); 400/500 in use; 503.</remarks>
    public Task RemoveConfigAsync(string configId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configId);
        return CallAsync($"remove config {new ShortId(configId)}", async token =>
        {
            try
            {
                await _client.Configs.RemoveConfigAsync(configId, token);
                Log.ConfigRemoved(_logger, new ShortId(configId));
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                Log.SwarmObjectAlreadyGone(_logger, "config", new ShortId(configId));
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>Swarm's own checks, made before the call so that the failure names the object and its size.</summary>
    private static void CheckObject(NewSwarmObject value, string kind, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!SwarmObjectLimits.IsValidObjectName(value.Name))
        {
            throw new DockerEngineException(
                $"create {kind} {value.Name}: the name must be 1 to {SwarmObjectLimits.MaxObjectNameLength} of [a-zA-Z0-9-_.], starting and ending with a letter or digit");
        }

        if (value.Data.IsEmpty || value.Data.Length > maxBytes)
        {
            throw new DockerEngineException(
                $"create {kind} {value.Name}: its data is {value.Data.Length} bytes; Swarm takes 1 to {maxBytes} bytes (under {(maxBytes + 1) / 1024} KiB)");
        }
    }

    private static Dictionary<string, string> Copy(IDictionary<string, string>? labels) =>
        labels is null ? [] : new Dictionary<string, string>(labels, StringComparer.Ordinal);
}
