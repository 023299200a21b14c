using SecureLaunch.Core.Rotation;
using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Rotation;

public sealed class ConsumerActionTests
{
    [Theory]
    [InlineData("none", "file", "file")]
    [InlineData("file", "signal", "signal:SIGHUP")]
    [InlineData("signal", "restart", "restart")]
    [InlineData("restart", "file", "restart")]
    [InlineData("restart", "none", "restart")]
    [InlineData("none", "none", "none")]
    public void The_strongest_action_wins_whatever_the_order(string first, string second, string expected)
    {
        Action(first).Merge(Action(second)).ToString().ShouldBe(expected);
        Action(second).Merge(Action(first)).ToString().ShouldBe(expected);
    }

    [Fact]
    public void Two_signal_actions_send_each_signal_once()
    {
        var merged = ConsumerAction.SendSignal("SIGHUP").Merge(ConsumerAction.SendSignal("SIGUSR1")).Merge(ConsumerAction.SendSignal("SIGHUP"));

        merged.Kind.ShouldBe(RotationKind.Signal);
        merged.Signals.ShouldBe(["SIGHUP", "SIGUSR1"]);
    }

    [Fact]
    public void A_restart_drops_the_signals_it_supersedes()
    {
        var merged = ConsumerAction.SendSignal("SIGHUP").Merge(ConsumerAction.Restart);

        merged.ShouldBe(ConsumerAction.Restart);
        merged.Signals.ShouldBeEmpty();
    }

    [Fact]
    public void Only_signals_and_restarts_count_as_disruptive()
    {
        ConsumerAction.None.Disrupts.ShouldBeFalse();
        ConsumerAction.File.Disrupts.ShouldBeFalse();
        ConsumerAction.SendSignal("SIGHUP").Disrupts.ShouldBeTrue();
        ConsumerAction.Restart.Disrupts.ShouldBeTrue();
    }

    private static ConsumerAction Action(string name) => name switch
    {
        "signal" => ConsumerAction.SendSignal("SIGHUP"),
        "file" => ConsumerAction.File,
        "restart" => ConsumerAction.Restart,
        _ => ConsumerAction.None,
    };
}
