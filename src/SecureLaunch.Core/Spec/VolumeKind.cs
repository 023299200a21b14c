namespace SecureLaunch.Core.Spec;

/// <summary>What a <see cref="VolumeDefinition"/> mounts.</summary>
public enum VolumeKind
{
    /// <summary>A path on the host.</summary>
    Bind,

    /// <summary>A Docker volume: kept after the launch when named, removed with the container when anonymous.</summary>
    Volume,
}
