using Microsoft.Extensions.Logging;

namespace SecureLaunch.Core.Diagnostics;

/// <summary>Swarm lines of Core (ids 600-629): service and secret names, counts; never a secret value or its hash input.</summary>
internal static partial class Log
{
    [LoggerMessage(600, LogLevel.Debug, "service {Name}: created {ServiceName} from {Image}, {Replicas} replica(s), {SecretCount} Swarm secret(s)")]
    public static partial void ServiceCreated(ILogger logger, string name, string serviceName, string image, int replicas, int secretCount);

    [LoggerMessage(601, LogLevel.Information, "service {Name}: {Running} replica(s) of {ServiceName} running")]
    public static partial void ServiceRunning(ILogger logger, string name, string serviceName, int running);

    [LoggerMessage(602, LogLevel.Debug, "secret {Slot}: version {SecretName} created")]
    public static partial void SecretVersionCreated(ILogger logger, string slot, string secretName);

    [LoggerMessage(603, LogLevel.Debug, "hidden env for services: the init is the Swarm config {ConfigName} ({Bytes} bytes)")]
    public static partial void InitConfigCreated(ILogger logger, string configName, int bytes);

    [LoggerMessage(604, LogLevel.Information, "service {Name}: secret {Slot} rotated to {SecretName}; {Running} replica(s) run it")]
    public static partial void SecretRotated(ILogger logger, string name, string slot, string secretName, int running);

    [LoggerMessage(605, LogLevel.Debug, "service {Name}: previous version {SecretName} removed")]
    public static partial void OldVersionRemoved(ILogger logger, string name, string secretName);

    [LoggerMessage(606, LogLevel.Warning, "service {Name}: previous version {SecretName} stays until the launch ends: {Reason}")]
    public static partial void OldVersionKept(ILogger logger, string name, string secretName, string reason);

    [LoggerMessage(607, LogLevel.Information, "removing {Count} service(s) and their Swarm secrets")]
    public static partial void RemovingServices(ILogger logger, int count);

    [LoggerMessage(608, LogLevel.Warning, "service {ServiceId}: {Count} task container(s) still on this node after the stop grace")]
    public static partial void TaskContainersLingering(ILogger logger, string serviceId, int count);

    [LoggerMessage(609, LogLevel.Warning, "could not {What} {Name}: {Reason}")]
    public static partial void CleanupStepFailed(ILogger logger, string what, string name, string reason);

    [LoggerMessage(610, LogLevel.Debug, "launch {LaunchId}: removed {Services} service(s), {Secrets} Swarm secret(s), {Configs} Swarm config(s)")]
    public static partial void SwarmCleanedUp(ILogger logger, string launchId, int services, int secrets, int configs);

    [LoggerMessage(611, LogLevel.Debug, "launch {LaunchId}: let go of {Services} service(s); they keep running")]
    public static partial void SwarmDetached(ILogger logger, string launchId, int services);

    [LoggerMessage(612, LogLevel.Information, "service {Name}: {ServiceName} updated in place to the new spec, {NewVersions} new secret version(s)")]
    public static partial void ServiceUpdatedInPlace(ILogger logger, string name, string serviceName, int newVersions);
}
