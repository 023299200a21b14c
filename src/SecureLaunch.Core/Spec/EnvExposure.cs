namespace SecureLaunch.Core.Spec;

/// <summary>How a container's <c>env:</c> values reach it (<c>exposure:</c> in the spec).</summary>
public enum EnvExposure
{
    /// <summary>
    /// Default: values go in a tmpfs file read by SecureLaunch's static init inside the container, so
    /// they never show in <c>docker inspect</c>, in the command line, or on disk.
    /// </summary>
    Hidden,

    /// <summary>Plain <c>docker run -e</c>: values in the container's <c>Config.Env</c>, visible to <c>docker inspect</c>.</summary>
    Config,
}
