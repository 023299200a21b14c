using SecureLaunch.Cli.Hosting;
using Shouldly;

namespace SecureLaunch.Cli.Tests;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class NativeInitTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sl-init-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void An_init_extracted_for_its_owner_only_is_opened_to_every_user()
    {
        // What `dotnet tool install` leaves: NuGet sets the owner's execute bit only (0744 with umask 022).
        File.WriteAllBytes(_path, [0x7f, (byte)'E', (byte)'L', (byte)'F']);
        File.SetUnixFileMode(_path, (UnixFileMode)0x1E4);

        NativeInit.EnsureExecutable(_path).ShouldBeTrue();

        File.GetUnixFileMode(_path).ShouldBe((UnixFileMode)0x1ED);
    }

    [Fact]
    public void A_missing_init_is_left_to_the_launch_to_explain() => NativeInit.EnsureExecutable(_path).ShouldBeTrue();

    [Fact]
    public void The_build_ships_the_init_beside_the_executable_ready_to_run() =>
        (File.GetUnixFileMode(NativeInit.DefaultPath) & UnixFileMode.OtherExecute).ShouldBe(UnixFileMode.OtherExecute);

    [Fact]
    public void The_path_comes_from_SECURELAUNCH_INIT_when_set()
    {
        using var environment = new TempEnvironment();

        NativeInit.Resolve(environment).ShouldBe(NativeInit.DefaultPath);
        NativeInit.Resolve(environment.With("SECURELAUNCH_INIT", "/var/lib/securelaunch/sl-init")).ShouldBe("/var/lib/securelaunch/sl-init");
    }
}
