using SecureLaunch.Core.Launching;
using Shouldly;

namespace SecureLaunch.Core.Tests.Launching;

public sealed class RestartBackoffTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    [Fact]
    public void The_first_restart_waits_100_ms() => RestartBackoff.Next(TimeSpan.Zero, Short).ShouldBe(TimeSpan.FromMilliseconds(100));

    [Fact]
    public void A_crash_loop_doubles_the_wait_up_to_a_minute()
    {
        var delays = new List<TimeSpan>();
        var delay = TimeSpan.Zero;
        for (var i = 0; i < 12; i++)
        {
            delay = RestartBackoff.Next(delay, Short);
            delays.Add(delay);
        }

        delays.Select(d => d.TotalMilliseconds).ShouldBe([100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200, 60000, 60000]);
    }

    [Fact]
    public void A_run_of_ten_seconds_or_more_starts_the_backoff_over() =>
        RestartBackoff.Next(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10)).ShouldBe(TimeSpan.FromMilliseconds(100));
}
