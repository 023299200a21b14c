using SecureLaunch.Core.Launching;

namespace SecureLaunch.Cli.Output;

/// <summary>Container output as <c>output</c> events, one per line, on the JSON event stream.</summary>
internal sealed class JsonContainerOutput(JsonEventWriter writer) : IContainerOutput
{
    public Stream OpenStandardOutput(string container) => new JsonLineStream(writer, container, "stdout");

    public Stream OpenStandardError(string container) => new JsonLineStream(writer, container, "stderr");
}
