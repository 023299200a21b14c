namespace SecureLaunch.Core.Spec;

/// <summary>How strongly a container is separated from the host (see the isolation table in the docs).</summary>
public enum IsolationMode
{
    /// <summary>Shared kernel: the default runtime on Linux, process isolation on Windows.</summary>
    Process,

    /// <summary>A utility VM per container; Windows daemons only.</summary>
    Hyperv,

    /// <summary>A sandboxing runtime (gVisor runsc, Kata) on Linux; Hyper-V on Windows.</summary>
    Sandbox,
}
