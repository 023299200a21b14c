namespace SecureLaunch.Docker.Containers;

/// <summary>
/// A container port published on the host: <c>HostIp:HostPort-&gt;ContainerPort/Protocol</c>. A null
/// <paramref name="HostPort"/> lets the daemon choose a free port; a null <paramref name="HostIp"/> means every address.
/// </summary>
public sealed record PublishedPort(int ContainerPort, string Protocol = "tcp", string? HostIp = null, int? HostPort = null)
{
    /// <summary><c>127.0.0.1:8080-&gt;80/tcp</c>, as <c>docker ps</c> shows it.</summary>
    public override string ToString() =>
        $"{(HostIp is null ? "" : HostIp.Contains(':', StringComparison.Ordinal) ? $"[{HostIp}]:" : $"{HostIp}:")}{HostPort?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"}->{ContainerPort}/{Protocol}";
}
