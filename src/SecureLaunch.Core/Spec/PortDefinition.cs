namespace SecureLaunch.Core.Spec;

/// <summary>One container port published on the host (<c>ports:</c>); a range in the spec becomes one of these per port.</summary>
public sealed record PortDefinition
{
    /// <summary>The port inside the container.</summary>
    public required int Target { get; init; }

    /// <summary>The port on the host; null lets the daemon pick a free one.</summary>
    public int? Published { get; init; }

    /// <summary>The host address to listen on; null for every address.</summary>
    public string? HostIp { get; init; }

    /// <summary><c>tcp</c>, <c>udp</c> or <c>sctp</c>.</summary>
    public string Protocol { get; init; } = "tcp";
    public required SourceLocation Location { get; init; }
}
