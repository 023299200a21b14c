using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Spec;
using SecureLaunch.Docker.Containers;

namespace SecureLaunch.Core.Launching;

/// <summary>A created container of the launch, attached (its output going through the mask) but maybe not started yet.</summary>
internal sealed record RunningContainer(
    ContainerDefinition Definition, string Id, string DockerName, string IsolationText,
    ContainerAttachment Attachment, MaskingStream Stdout, MaskingStream Stderr);
