namespace SecureLaunch.Core.Spec;

/// <summary>Compose's <c>depends_on</c> conditions.</summary>
public enum DependencyCondition
{
    /// <summary><c>service_started</c>: the dependency has been started (the default).</summary>
    Started,

    /// <summary><c>service_healthy</c>: its healthcheck passed; the launch fails if it turns unhealthy or exits first.</summary>
    Healthy,

    /// <summary><c>service_completed_successfully</c>: it exited with code 0; the launch fails on any other code.</summary>
    CompletedSuccessfully,
}
