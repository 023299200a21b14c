namespace SecureLaunch.Core.Deploy;

/// <summary>The clear half of one version of a launch's state: its config's labels.</summary>
public sealed record StateRecord(string ConfigId, string Name, string LaunchId, string SpecHash, long Sequence, string Owner, DateTimeOffset Heartbeat);
