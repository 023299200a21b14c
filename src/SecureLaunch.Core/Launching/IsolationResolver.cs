using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;

namespace SecureLaunch.Core.Launching;

/// <summary>Maps a container's isolation mode onto what this daemon offers (the table in docs/isolation.md).</summary>
public static class IsolationResolver
{
    /// <summary>Sandboxing runtimes we know, in order of preference.</summary>
    public static readonly IReadOnlyList<string> SandboxRuntimes = ["runsc", "kata", "kata-runtime", "io.containerd.kata.v2"];

    /// <summary>The runtime and <c>HostConfig.Isolation</c> to use, or a <see cref="LaunchException"/> saying what this daemon offers.</summary>
    public static (string? Runtime, string? Isolation) Resolve(ContainerDefinition container, EngineInfo engine)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(engine);
        if (container.Runtime is { } runtime && !engine.Runtimes.Contains(runtime, StringComparer.Ordinal))
        {
            throw Refuse(container, $"runtime '{runtime}' is not registered with the daemon (it has: {string.Join(", ", engine.Runtimes)})");
        }

        var windows = string.Equals(engine.OSType, "windows", StringComparison.OrdinalIgnoreCase);
        switch (container.Isolation)
        {
            case IsolationMode.Process:
                return (container.Runtime, windows ? "process" : null);
            case IsolationMode.Hyperv when windows:
            case IsolationMode.Sandbox when windows:
                return (container.Runtime, "hyperv");
            case IsolationMode.Hyperv:
                throw Refuse(container, "isolation 'hyperv' needs a Windows daemon; this one runs Linux. Use 'isolation: sandbox' for a gVisor or Kata sandbox");
            default:
                var sandbox = container.Runtime ?? SandboxRuntimes.FirstOrDefault(r => engine.Runtimes.Contains(r, StringComparer.Ordinal));
                return sandbox is null
                    ? throw Refuse(container, $"isolation 'sandbox' needs a sandboxing runtime (runsc or kata) registered with the daemon; it has: {string.Join(", ", engine.Runtimes)}")
                    : (sandbox, null);
        }
    }

    /// <summary>Each isolation mode and whether this daemon can give it: how, or why not.</summary>
    public static IReadOnlyList<(IsolationMode Mode, bool Available, string Detail)> Describe(EngineInfo engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (string.Equals(engine.OSType, "windows", StringComparison.OrdinalIgnoreCase))
        {
            return
            [
                (IsolationMode.Process, true, "HostConfig.Isolation = process"),
                (IsolationMode.Hyperv, true, "HostConfig.Isolation = hyperv (a utility VM per container)"),
                (IsolationMode.Sandbox, true, "HostConfig.Isolation = hyperv"),
            ];
        }

        var sandbox = SandboxRuntimes.FirstOrDefault(r => engine.Runtimes.Contains(r, StringComparer.Ordinal));
        return
        [
            (IsolationMode.Process, true, $"the default runtime ({engine.DefaultRuntime})"),
            (IsolationMode.Hyperv, false, "needs a Windows daemon; use sandbox on Linux"),
            (IsolationMode.Sandbox, sandbox is not null, sandbox is not null ? $"runtime {sandbox}" : "no sandboxing runtime (runsc, kata) registered with the daemon"),
        ];
    }

    private static LaunchException Refuse(ContainerDefinition container, string why) =>
        new($"{container.Location}: container '{container.Name}': {why}");
}
