using Docker.DotNet.Models;
using SecureLaunch.Docker.Containers;
using SecureLaunch.Docker.Mapping;
using ContainerSpec = SecureLaunch.Docker.Containers.ContainerSpec;

namespace SecureLaunch.Docker.Tests.Mapping;

public sealed class ContainerSpecMapperTests
{
    private static readonly ContainerSpec Minimal = new() { Name = "hello-web", Image = "busybox:stable" };

    [Fact]
    public void Every_field_of_the_spec_reaches_the_create_body()
    {
        var spec = Minimal with
        {
            Command = ["-c", "echo hi"],
            Entrypoint = ["sh"],
            Environment = new Dictionary<string, string> { ["DB_USER"] = "app", ["DB_PASSWORD"] = "p=w" },
            Labels = new Dictionary<string, string> { ["securelaunch.launch"] = "hello" },
            Mounts = [new BindMount("/run/sl/hello", "/run/secrets"), new BindMount("/srv/data", "/data", ReadOnly: false)],
            User = "1000:1000",
            WorkingDirectory = "/app",
            Runtime = "runsc",
        };

        var body = spec.ToCreateParameters();

        body.Name.ShouldBe("hello-web");
        body.Image.ShouldBe("busybox:stable");
        body.Cmd.ShouldBe(["-c", "echo hi"]);
        body.Entrypoint.ShouldBe(["sh"]);
        body.Env.ShouldBe(["DB_USER=app", "DB_PASSWORD=p=w"]);
        body.Labels.ShouldBe(new Dictionary<string, string> { ["securelaunch.launch"] = "hello" });
        body.User.ShouldBe("1000:1000");
        body.WorkingDir.ShouldBe("/app");
        body.HostConfig.ShouldNotBeNull().Runtime.ShouldBe("runsc");
        body.HostConfig.Mounts.ShouldNotBeNull().Select(m => (m.Type, m.Source, m.Target, m.ReadOnly)).ShouldBe(
            [("bind", "/run/sl/hello", "/run/secrets", true), ("bind", "/srv/data", "/data", false)]);
    }

    [Fact]
    public void Output_is_attached_without_a_tty_stdin_or_restart_policy()
    {
        var body = Minimal.ToCreateParameters();

        body.AttachStdout.ShouldBeTrue();
        body.AttachStderr.ShouldBeTrue();
        body.AttachStdin.ShouldBeFalse();
        body.OpenStdin.ShouldBeFalse();
        body.Tty.ShouldBeFalse();
        body.HostConfig.ShouldNotBeNull().RestartPolicy.Name.ShouldBe(RestartPolicyKind.No);
    }

    [Fact]
    public void What_the_spec_leaves_out_is_left_to_the_image_and_the_daemon()
    {
        var body = Minimal.ToCreateParameters();

        body.Cmd.ShouldBeNull();
        body.Entrypoint.ShouldBeNull();
        body.User.ShouldBeNullOrEmpty();
        body.WorkingDir.ShouldBeNullOrEmpty();
        body.HostConfig.ShouldNotBeNull().Runtime.ShouldBeNull();
        body.HostConfig.Isolation.ShouldBeNull();
        body.Env.ShouldBeEmpty();
    }

    [Fact]
    public void Isolation_is_sent_when_asked_for()
    {
        (Minimal with { Isolation = "hyperv" }).ToCreateParameters().HostConfig.ShouldNotBeNull().Isolation.ShouldBe("hyperv");
    }

    [Theory]
    [InlineData("")]
    [InlineData("A=B")]
    public void A_bad_variable_name_is_refused_without_its_value_in_the_message(string name)
    {
        var spec = Minimal with { Environment = new Dictionary<string, string> { [name] = "hunter2" } };

        var error = Should.Throw<ArgumentException>(() => spec.ToCreateParameters());

        error.Message.ShouldNotContain("hunter2");
    }
}
