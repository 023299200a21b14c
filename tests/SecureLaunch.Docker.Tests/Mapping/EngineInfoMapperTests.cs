using Docker.DotNet.Models;
using SecureLaunch.Docker.Mapping;

namespace SecureLaunch.Docker.Tests.Mapping;

public sealed class EngineInfoMapperTests
{
    private static readonly VersionResponse Version = new() { Version = "20.10.24", APIVersion = "1.41", Os = "linux" };

    [Fact]
    public void A_linux_daemon_reports_default_isolation_and_its_runtimes_in_order()
    {
        var info = new SystemInfoResponse
        {
            OSType = "linux",
            ServerVersion = "20.10.24",
            Isolation = "",
            DefaultRuntime = "runc",
            Runtimes = new Dictionary<string, RuntimeWithStatus> { ["runsc"] = new(), ["runc"] = new() },
            Swarm = new Info { LocalNodeState = "active", ControlAvailable = true },
        };

        var engine = EngineInfoMapper.ToEngineInfo(info, Version);

        engine.ServerVersion.ShouldBe("20.10.24");
        engine.ApiVersion.ShouldBe("1.41");
        engine.OSType.ShouldBe("linux");
        engine.DefaultIsolation.ShouldBe("default");
        engine.Runtimes.ShouldBe(["runc", "runsc"]);
        engine.DefaultRuntime.ShouldBe("runc");
        engine.SwarmState.ShouldBe("active");
        engine.IsSwarmManager.ShouldBeTrue();
    }

    [Fact]
    public void A_windows_daemon_keeps_its_isolation_and_a_missing_swarm_is_inactive()
    {
        var info = new SystemInfoResponse { OSType = "windows", Isolation = "hyperv", DefaultRuntime = "" };

        var engine = EngineInfoMapper.ToEngineInfo(info, Version);

        engine.DefaultIsolation.ShouldBe("hyperv");
        engine.SwarmState.ShouldBe("inactive");
        engine.IsSwarmManager.ShouldBeFalse();
        engine.Runtimes.ShouldBeEmpty();
    }
}
