namespace SecureLaunch.Core.Launching;

/// <summary>
/// Where each container's output goes, per container and stream: the console for people, one JSON event per
/// line for pipelines. The launcher masks secret values before writing, and disposes a stream it opened once
/// that container's output has ended (a partial last line can be written out then).
/// </summary>
public interface IContainerOutput
{
    /// <summary>The stream for the stdout of the container named <paramref name="container"/> in the spec.</summary>
    Stream OpenStandardOutput(string container);

    /// <summary>The stream for the stderr of the container named <paramref name="container"/> in the spec.</summary>
    Stream OpenStandardError(string container);
}
