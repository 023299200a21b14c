using System.Globalization;
using Docker.DotNet.Models;

namespace SecureLaunch.IntegrationTests.Swarm;

/// <summary>What the tests read of a Swarm task (Docker.DotNet's models leave every field nullable).</summary>
internal sealed record SwarmTask(string Id, string NodeId, TaskState State, TaskState Desired, string ContainerId, string? Error, long ExitCode)
{
    public bool IsRunning => State == TaskState.Running && Desired == TaskState.Running;

    /// <summary>Complete, failed, rejected...: the task will not run again.</summary>
    public bool HasEnded => State > TaskState.Running;

    public static SwarmTask From(TaskResponse task) => new(
        task.ID ?? "",
        task.NodeID ?? "",
        task.Status?.State ?? TaskState.New,
        task.DesiredState ?? TaskState.New,
        task.Status?.ContainerStatus?.ContainerID ?? "",
        task.Status?.Err,
        task.Status?.ContainerStatus?.ExitCode ?? 0);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Id[..Math.Min(12, Id.Length)]} on {NodeId[..Math.Min(12, NodeId.Length)]}: {State} (desired {Desired}) exit {ExitCode} {Error}");
}
