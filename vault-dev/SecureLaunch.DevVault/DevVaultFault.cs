namespace SecureLaunch.DevVault;

/// <summary>How an injected fault breaks a request (see <see cref="DevVaultServer.InjectFaults"/>).</summary>
public enum DevVaultFaultKind
{
    /// <summary>500 <c>{"errors":["internal error"]}</c>.</summary>
    InternalServerError,

    /// <summary>503 <c>{"errors":["service unavailable"]}</c>, as a load balancer or a node in trouble answers.</summary>
    ServiceUnavailable,

    /// <summary>The connection is aborted before any response is sent.</summary>
    DropConnection,

    /// <summary>The request is served normally after <see cref="DevVaultFault.Delay"/> on the server's clock.</summary>
    Latency,

    /// <summary>
    /// A seal event: the server seals itself (as <c>sys/seal</c> would) just before the request, which is then served
    /// sealed (503 <c>Vault is sealed</c>, or a sealed health report). In memory, <see cref="DevVaultServer.UnsealKey"/> reopens it.
    /// </summary>
    Seal,
}

/// <summary>A fault for the next requests, optionally only those whose path (below <c>/v1/</c>) starts with <see cref="PathPrefix"/>.</summary>
/// <param name="Kind">What goes wrong.</param>
public sealed record DevVaultFault(DevVaultFaultKind Kind)
{
    /// <summary>See <see cref="DevVaultFaultKind.InternalServerError"/>.</summary>
    public static DevVaultFault InternalServerError { get; } = new(DevVaultFaultKind.InternalServerError);

    /// <summary>See <see cref="DevVaultFaultKind.ServiceUnavailable"/>.</summary>
    public static DevVaultFault ServiceUnavailable { get; } = new(DevVaultFaultKind.ServiceUnavailable);

    /// <summary>See <see cref="DevVaultFaultKind.DropConnection"/>.</summary>
    public static DevVaultFault DropConnection { get; } = new(DevVaultFaultKind.DropConnection);

    /// <summary>See <see cref="DevVaultFaultKind.Seal"/>.</summary>
    public static DevVaultFault Seal { get; } = new(DevVaultFaultKind.Seal);

    /// <summary>For <see cref="DevVaultFaultKind.Latency"/>: how long the server waits, on <see cref="DevVaultOptions.TimeProvider"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Only requests under this path are affected, e.g. <c>database/creds/</c>; null for all.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>A <see cref="DevVaultFaultKind.Latency"/> fault of <paramref name="delay"/>.</summary>
    public static DevVaultFault Latency(TimeSpan delay) => new(DevVaultFaultKind.Latency) { Delay = delay };
}
