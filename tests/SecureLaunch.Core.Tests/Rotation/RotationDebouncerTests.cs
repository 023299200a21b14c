using Microsoft.Extensions.Time.Testing;
using SecureLaunch.Core.Rotation;
using Shouldly;

namespace SecureLaunch.Core.Tests.Rotation;

public sealed class RotationDebouncerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);

    private static DateTimeOffset At(double seconds) => T0 + TimeSpan.FromSeconds(seconds);

    [Fact]
    public void A_change_is_due_after_the_quiet_period()
    {
        var debouncer = new RotationDebouncer(_clock, TimeSpan.FromSeconds(2));

        debouncer.Add("container web", "db", ConsumerAction.Restart).ShouldBe(At(2));

        _clock.Advance(TimeSpan.FromMilliseconds(1999));
        debouncer.TakeDue().ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var due = debouncer.TakeDue().ShouldHaveSingleItem();
        due.ShouldBe(due with { Target = "container web", Action = ConsumerAction.Restart, FirstChangeAt = T0, LastChangeAt = T0 });
        debouncer.Count.ShouldBe(0);
    }

    [Fact]
    public void Two_secrets_changing_within_the_quiet_period_give_one_action_with_the_strongest_policy()
    {
        var debouncer = new RotationDebouncer(_clock, TimeSpan.FromSeconds(2));
        debouncer.Add("container web", "cert", ConsumerAction.File);
        _clock.Advance(TimeSpan.FromSeconds(1.5));

        debouncer.Add("container web", "db", ConsumerAction.Restart).ShouldBe(At(3.5));
        _clock.Advance(TimeSpan.FromSeconds(2));

        var due = debouncer.TakeDue().ShouldHaveSingleItem();
        due.Action.ShouldBe(ConsumerAction.Restart);
        due.Secrets.ShouldBe(["cert", "db"]);
    }

    [Fact]
    public void A_secret_that_keeps_changing_is_acted_on_four_quiet_periods_after_its_first_change()
    {
        var debouncer = new RotationDebouncer(_clock, TimeSpan.FromSeconds(2));
        var due = debouncer.Add("container web", "kv", ConsumerAction.File);
        for (var i = 0; i < 10; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            due = debouncer.Add("container web", "kv", ConsumerAction.File);
            if (debouncer.TakeDue().Count > 0)
            {
                break;
            }
        }

        due.ShouldBe(At(8));
        debouncer.MaxWait.ShouldBe(TimeSpan.FromSeconds(8));
    }

    [Fact]
    public void Consumers_are_debounced_separately()
    {
        var debouncer = new RotationDebouncer(_clock, TimeSpan.FromSeconds(2));
        debouncer.Add("container web", "db", ConsumerAction.Restart);
        _clock.Advance(TimeSpan.FromSeconds(1));
        debouncer.Add("container worker", "db", ConsumerAction.File);

        debouncer.NextDueAt.ShouldBe(At(2));
        _clock.Advance(TimeSpan.FromSeconds(1));
        debouncer.TakeDue().Select(p => p.Target).ShouldBe(["container web"]);
        debouncer.NextDueAt.ShouldBe(At(3));
    }

    [Fact]
    public void A_zero_debounce_makes_every_change_due_at_once()
    {
        var debouncer = new RotationDebouncer(_clock, TimeSpan.Zero);

        debouncer.Add("container web", "db", ConsumerAction.File).ShouldBe(T0);
        debouncer.TakeDue().ShouldHaveSingleItem();
    }
}
