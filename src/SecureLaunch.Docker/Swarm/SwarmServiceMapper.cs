using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet.Models;

namespace SecureLaunch.Docker.Swarm;

/// <summary><see cref="SwarmServiceSpec"/> to the body of <c>POST /services/create</c> and <c>/services/{id}/update</c>, and back.</summary>
internal static class SwarmServiceMapper
{
    /// <remarks>
    /// Fields left null stay off the wire, so Swarm applies its own defaults. <c>ContainerSpec.Isolation</c> is sent
    /// only when asked for: Linux nodes accept nothing but <c>default</c>.
    /// </remarks>
    public static ServiceSpec ToServiceSpec(this SwarmServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Image);
        ArgumentOutOfRangeException.ThrowIfNegative(spec.Replicas);

        var container = new ContainerSpec
        {
            Image = spec.Image,
            Labels = new Dictionary<string, string>(spec.ContainerLabels),
            Env = ToEnv(spec.Environment),
            Secrets = spec.Secrets.Select(ToSecretReference).ToList(),
            Configs = spec.Configs.Select(ToConfigReference).ToList(),
            Mounts = spec.Mounts.Select(m => new Mount { Type = "bind", Source = m.Source, Target = m.Target, ReadOnly = m.ReadOnly }).ToList(),
        };
        if (spec.Entrypoint is not null)
        {
            container.Command = [.. spec.Entrypoint];
        }

        if (spec.Command is not null)
        {
            container.Args = [.. spec.Command];
        }

        if (spec.User is not null)
        {
            container.User = spec.User;
        }

        if (spec.WorkingDirectory is not null)
        {
            container.Dir = spec.WorkingDirectory;
        }

        if (spec.StopGracePeriod is { } grace)
        {
            container.StopGracePeriod = grace;
        }

        container.Isolation = spec.Isolation!;

        var task = new TaskSpec
        {
            ContainerSpec = container,
            Placement = new Placement { Constraints = [.. spec.Constraints] },
            ForceUpdate = spec.ForceUpdate,
            Networks = spec.Networks.Select(n => new NetworkAttachmentConfig { Target = n }).ToList(),
        };
        if (spec.Restart is { } restart)
        {
            task.RestartPolicy = new SwarmRestartPolicy
            {
                Condition = restart.Condition,
                Delay = restart.Delay,
                MaxAttempts = restart.MaxAttempts is { } attempts ? (ulong)attempts : null,
                Window = restart.Window,
            };
        }

        var service = new ServiceSpec
        {
            Name = spec.Name,
            Labels = new Dictionary<string, string>(spec.Labels),
            TaskTemplate = task,
            Mode = new ServiceMode { Replicated = new ReplicatedService { Replicas = (ulong)spec.Replicas } },
        };
        if (spec.Update is { } update)
        {
            service.UpdateConfig = new SwarmUpdateConfig
            {
                Parallelism = (ulong)Math.Max(0, update.Parallelism),
                Delay = update.Delay,
                Order = update.Order,
                FailureAction = update.FailureAction,
                Monitor = update.Monitor,
            };
        }

        return service;
    }

    public static SwarmServiceInfo ToInfo(this SwarmService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var container = service.Spec?.TaskTemplate?.ContainerSpec;
        return new SwarmServiceInfo
        {
            Id = service.ID,
            Name = service.Spec?.Name ?? "",
            Version = service.Version?.Index ?? 0,
            Labels = Copy(service.Spec?.Labels),
            Replicas = (int)(service.Spec?.Mode?.Replicated?.Replicas ?? 0),
            Secrets = (container?.Secrets ?? []).Select(s => new SwarmFileReference(
                s.SecretID, s.SecretName ?? "", s.File?.Name ?? "", ParseId(s.File?.UID), ParseId(s.File?.GID), (UnixFileMode)(s.File?.Mode ?? 0))).ToList(),
            Configs = (container?.Configs ?? []).Select(c => new SwarmFileReference(
                c.ConfigID, c.ConfigName ?? "", c.File?.Name ?? "", ParseId(c.File?.UID), ParseId(c.File?.GID), (UnixFileMode)(c.File?.Mode ?? 0))).ToList(),
            SpecDigest = Digest(service.Spec?.TaskTemplate),
            UpdateState = string.IsNullOrEmpty(service.UpdateStatus?.State) ? null : service.UpdateStatus.State,
            UpdateMessage = string.IsNullOrEmpty(service.UpdateStatus?.Message) ? null : service.UpdateStatus.Message,
        };
    }

    public static SwarmTaskInfo ToInfo(this TaskResponse task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new SwarmTaskInfo
        {
            Id = task.ID,
            ServiceId = task.ServiceID ?? "",
            Slot = task.Slot ?? 0,
            NodeId = task.NodeID ?? "",
            State = StateText(task.Status?.State),
            DesiredState = StateText(task.DesiredState),
            Message = task.Status?.Message ?? "",
            Error = task.Status?.Err ?? "",
            ExitCode = task.Status?.ContainerStatus is { } status && !string.IsNullOrEmpty(status.ContainerID) ? status.ExitCode : null,
            ContainerId = NullIfEmpty(task.Status?.ContainerStatus?.ContainerID),
            Timestamp = task.Status?.Timestamp is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
            SecretIds = (task.Spec?.ContainerSpec?.Secrets ?? []).Select(s => s.SecretID).ToList(),
            SpecDigest = Digest(task.Spec),
        };
    }

    /// <summary>
    /// What makes a task current, as swarmkit's orchestrator decides it (a task is replaced when its spec
    /// differs from the service's task template): the fields SecureLaunch sets. Env values are hashed, never kept.
    /// </summary>
    internal static string Digest(TaskSpec? task)
    {
        var text = new StringBuilder();
        var container = task?.ContainerSpec;
        Append(text, container?.Image);
        Append(text, container?.Command);
        Append(text, container?.Args);
        Append(text, container?.Env);
        Append(text, container?.User);
        Append(text, container?.Dir);
        Append(text, (container?.Secrets ?? []).Select(s => $"{s.SecretID}>{s.File?.Name}:{s.File?.UID}:{s.File?.GID}:{s.File?.Mode}"));
        Append(text, (container?.Configs ?? []).Select(c => $"{c.ConfigID}>{c.File?.Name}:{c.File?.UID}:{c.File?.GID}:{c.File?.Mode}"));
        Append(text, task?.Placement?.Constraints);
        Append(text, task?.ForceUpdate.ToString(CultureInfo.InvariantCulture));
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        try
        {
            return Convert.ToHexStringLower(SHA256.HashData(bytes));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            text.Clear();
        }
    }

    private static void Append(StringBuilder text, string? value) => text.Append(value?.Length ?? -1).Append(':').Append(value).Append('\n');

    private static void Append(StringBuilder text, IEnumerable<string>? values)
    {
        var list = values?.ToList();
        text.Append('[').Append(list?.Count ?? -1).Append('\n');
        foreach (var value in list ?? [])
        {
            Append(text, value);
        }
    }

    private static SecretReference ToSecretReference(SwarmFileReference reference) => new()
    {
        SecretID = reference.Id,
        SecretName = reference.Name,
        File = new SecretReferenceFileTarget
        {
            Name = reference.Target,
            UID = reference.Uid.ToString(CultureInfo.InvariantCulture),
            GID = reference.Gid.ToString(CultureInfo.InvariantCulture),
            Mode = (uint)reference.Mode,
        },
    };

    private static SwarmConfigReference ToConfigReference(SwarmFileReference reference) => new()
    {
        ConfigID = reference.Id,
        ConfigName = reference.Name,
        File = new ConfigReferenceFileTarget
        {
            Name = reference.Target,
            UID = reference.Uid.ToString(CultureInfo.InvariantCulture),
            GID = reference.Gid.ToString(CultureInfo.InvariantCulture),
            Mode = (uint)reference.Mode,
        },
    };

    private static List<string> ToEnv(IReadOnlyDictionary<string, string> environment)
    {
        var env = new List<string>(environment.Count);
        foreach (var (name, value) in environment)
        {
            // The name is checked, never the value: an exception message must not carry a secret.
            if (string.IsNullOrEmpty(name) || name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"environment variable name '{name}' is empty or contains '=' or NUL", nameof(environment));
            }

            env.Add($"{name}={value}");
        }

        return env;
    }

    private static int ParseId(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

    private static string StateText(TaskState? state) => state switch
    {
        null => "",
        TaskState.New => "new",
        TaskState.Allocated => "allocated",
        TaskState.Pending => "pending",
        TaskState.Assigned => "assigned",
        TaskState.Accepted => "accepted",
        TaskState.Preparing => "preparing",
        TaskState.Ready => "ready",
        TaskState.Starting => "starting",
        TaskState.Running => "running",
        TaskState.Complete => "complete",
        TaskState.Shutdown => "shutdown",
        TaskState.Failed => "failed",
        TaskState.Rejected => "rejected",
        TaskState.Remove => "remove",
        TaskState.Orphaned => "orphaned",
        _ => state.Value.ToString().ToLowerInvariant(),
    };

    private static Dictionary<string, string> Copy(IDictionary<string, string>? labels) =>
        labels is null ? [] : new Dictionary<string, string>(labels, StringComparer.Ordinal);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
