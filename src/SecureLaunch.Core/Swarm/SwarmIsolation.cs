using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker;

namespace SecureLaunch.Core.Swarm;

/// <summary>
/// Isolation for services. A service cannot choose an OCI runtime (Swarm always uses the daemon's default), so
/// <c>sandbox</c> works on Linux only where that default is a sandboxing runtime; Windows nodes take
/// <c>ContainerSpec.Isolation</c> as containers take <c>HostConfig.Isolation</c>.
/// </summary>
public static class SwarmIsolation
{
    /// <summary>The <c>ContainerSpec.Isolation</c> to send (null for the default), or a <see cref="LaunchException"/> saying what this daemon offers.</summary>
    public static string? Resolve(ServiceDefinition service, EngineInfo engine)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(engine);
        var windows = string.Equals(engine.OSType, "windows", StringComparison.OrdinalIgnoreCase);
        var sandboxingDefault = IsolationResolver.SandboxRuntimes.Contains(engine.DefaultRuntime, StringComparer.Ordinal);
        return service.Isolation switch
        {
            IsolationMode.Process when windows => "process",
            IsolationMode.Process => null,
            IsolationMode.Hyperv or IsolationMode.Sandbox when windows => "hyperv",
            IsolationMode.Hyperv => throw Refuse(service, "isolation 'hyperv' needs a Windows daemon; this one runs Linux"
                + (sandboxingDefault ? ". Use 'isolation: sandbox': the default runtime here sandboxes" : "")),
            _ when sandboxingDefault => null,
            _ => throw Refuse(service, $"isolation 'sandbox' needs the daemon's default runtime to sandbox, because Swarm runs every task with it; this daemon's default is '{engine.DefaultRuntime}'"
                + SandboxHint(engine)),
        };
    }

    private static string SandboxHint(EngineInfo engine)
    {
        var sandbox = IsolationResolver.SandboxRuntimes.FirstOrDefault(r => engine.Runtimes.Contains(r, StringComparer.Ordinal));
        return sandbox is null
            ? " and no sandboxing runtime (runsc, kata) is registered"
            : $". Set \"default-runtime\": \"{sandbox}\" in the daemon's daemon.json, or run this workload under 'containers:', where 'isolation: sandbox' picks {sandbox}";
    }

    private static LaunchException Refuse(ServiceDefinition service, string why) =>
        new($"{service.Location}: service '{service.Name}': {why}");
}
