namespace SecureLaunch.Core.Preflight;

/// <summary>How one preflight check came out.</summary>
public enum CheckStatus
{
    /// <summary>Works as the spec asks.</summary>
    Ok,

    /// <summary>Works, or may work, but the user should know (an image run would pull, a TTL too short to renew).</summary>
    Warning,

    /// <summary>The launch would fail here.</summary>
    Failed,

    /// <summary>Not checked, because a check it depends on failed.</summary>
    Skipped,
}
