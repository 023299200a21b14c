namespace SecureLaunch.Core.Spec;

/// <summary>What a secret's change does to a container that uses it; ordered from the weakest to the strongest.</summary>
public enum RotationKind
{
    /// <summary>Nothing: the container keeps the values it has until something else restarts or rewrites it.</summary>
    None = 0,

    /// <summary>Rewrite the container's secret files in place, atomically; the process reads them again when it likes.</summary>
    File = 1,

    /// <summary>Rewrite the files, then send a signal to the container's main process (e.g. SIGHUP to reload).</summary>
    Signal = 2,

    /// <summary>Stop the container with grace and start it again with the new values, env included.</summary>
    Restart = 3,
}
