namespace SecureLaunch.Core.Spec;

/// <summary>The restart policies of <c>docker run --restart</c>.</summary>
public enum RestartKind
{
    /// <summary>Never restart (the default).</summary>
    No,

    /// <summary>Restart after a non-zero exit, up to a number of times when one is given.</summary>
    OnFailure,

    /// <summary>Restart after every exit until SecureLaunch is stopped.</summary>
    Always,

    /// <summary>The same as <see cref="Always"/> here: the difference in Docker is across daemon restarts, which SecureLaunch's containers never outlive.</summary>
    UnlessStopped,
}
