namespace SecureLaunch.Docker.Swarm;

/// <summary>
/// Decides from a service and its tasks whether it has converged: what <c>docker service create</c> waits for
/// without <c>--detach</c>, with the spec digest telling tasks of the current spec from older ones.
/// </summary>
internal static class ConvergenceCheck
{
    /// <summary>Failed or rejected tasks of the current spec, per replica, past which waiting longer is pointless.</summary>
    public const int FailuresPerReplica = 3;

    public static SwarmConvergence Evaluate(SwarmServiceInfo service, IReadOnlyList<SwarmTaskInfo> tasks)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(tasks);
        var current = tasks.Where(t => t.SpecDigest == service.SpecDigest).ToList();
        var running = current.Where(t => t.IsRunning).OrderBy(t => t.Slot).ToList();
        var stale = tasks.Where(t => t.SpecDigest != service.SpecDigest && !t.IsTerminal).ToList();
        var failures = current.Count(t => t.State is "failed" or "rejected");
        var problems = new List<string>();

        var hopeless = false;
        if (service.UpdateState is "paused" or "rollback_started" or "rollback_paused" or "rollback_completed")
        {
            problems.Add($"the update is {service.UpdateState.Replace('_', ' ')}{Reason(service.UpdateMessage)}");
            hopeless = true;
        }

        var runningSlots = running.Select(t => t.Slot).ToHashSet();
        foreach (var slot in current.Where(t => !runningSlots.Contains(t.Slot)).GroupBy(t => t.Slot).OrderBy(g => g.Key))
        {
            var newestFirst = slot.OrderByDescending(t => t.Timestamp ?? DateTimeOffset.MinValue).ToList();
            var latest = newestFirst[0];
            var lastFailure = newestFirst.FirstOrDefault(t => t.State is "failed" or "rejected");
            var failed = slot.Count(t => t.State is "failed" or "rejected");
            problems.Add($"{SlotName(slot.Key)}: {Describe(latest)}"
                + (lastFailure is not null && lastFailure != latest ? $"; last failure: {Describe(lastFailure)}" : "")
                + (failed > 1 ? $" ({failed} failed attempts)" : ""));
        }

        if (stale.Count > 0)
        {
            problems.Add($"{stale.Count} task(s) of an older spec still {string.Join("/", stale.Select(t => t.State).Distinct().Order(StringComparer.Ordinal))}");
        }

        if (failures >= FailuresPerReplica * Math.Max(1, service.Replicas))
        {
            hopeless = true;
        }

        var converged = !hopeless && running.Count >= service.Replicas && stale.Count == 0;
        return new SwarmConvergence
        {
            Service = service,
            Converged = converged,
            Hopeless = hopeless,
            Running = running,
            Problems = converged ? [] : problems,
        };
    }

    private static string Describe(SwarmTaskInfo task) =>
        $"{task.State}{Reason(task.Error.Length > 0 ? task.Error : task.Message)}{ExitText(task)}";

    private static string SlotName(long slot) => slot > 0 ? $"replica {slot}" : "a task";

    private static string Reason(string? text) => string.IsNullOrWhiteSpace(text) ? "" : $" ({text.ReplaceLineEndings(" ").Trim()})";

    private static string ExitText(SwarmTaskInfo task) => task.ExitCode is { } code && task.State is "failed" or "complete" ? $", exit code {code}" : "";
}
