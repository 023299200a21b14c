using Docker.DotNet.Models;

namespace SecureLaunch.Docker.Mapping;

/// <summary><c>GET /info</c> and <c>GET /version</c> to <see cref="EngineInfo"/>.</summary>
internal static class EngineInfoMapper
{
    public static EngineInfo ToEngineInfo(SystemInfoResponse info, VersionResponse version)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(version);
        var osType = string.IsNullOrEmpty(info.OSType) ? version.Os ?? "" : info.OSType;
        return new EngineInfo
        {
            ServerVersion = string.IsNullOrEmpty(info.ServerVersion) ? version.Version ?? "" : info.ServerVersion,
            ApiVersion = version.APIVersion ?? "",
            OSType = osType,
            DefaultIsolation = DefaultIsolation(info.Isolation, osType),
            Runtimes = (info.Runtimes?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal).ToList(),
            DefaultRuntime = info.DefaultRuntime ?? "",
            SwarmState = string.IsNullOrEmpty(info.Swarm?.LocalNodeState) ? "inactive" : info.Swarm.LocalNodeState,
            IsSwarmManager = info.Swarm?.ControlAvailable ?? false,
            CpuCount = (int)info.NCPU,
        };
    }

    /// <summary>Linux daemons leave <c>Isolation</c> empty; the only value they accept is <c>default</c>.</summary>
    private static string? DefaultIsolation(string? isolation, string osType) =>
        !string.IsNullOrEmpty(isolation) ? isolation
        : osType.Equals("linux", StringComparison.OrdinalIgnoreCase) ? "default"
        : null;
}
