using Microsoft.Extensions.Time.Testing;
using SecureLaunch.Core.Rotation;
using Shouldly;

namespace SecureLaunch.Core.Tests.Rotation;

public sealed class RotationRateLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);

    [Fact]
    public void One_restart_per_window_per_container_by_default_shape()
    {
        var limiter = new RotationRateLimiter(_clock, 1, TimeSpan.FromSeconds(30));

        limiter.TryAcquire("container web", out _).ShouldBeTrue();
        limiter.TryAcquire("container web", out var retryAt).ShouldBeFalse();
        retryAt.ShouldBe(T0 + TimeSpan.FromSeconds(30));
        limiter.TryAcquire("container worker", out _).ShouldBeTrue("each container has its own window");

        _clock.Advance(TimeSpan.FromSeconds(29));
        limiter.TryAcquire("container web", out _).ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(1));
        limiter.TryAcquire("container web", out _).ShouldBeTrue();
    }

    [Fact]
    public void The_window_slides()
    {
        var limiter = new RotationRateLimiter(_clock, 2, TimeSpan.FromMinutes(1));
        limiter.TryAcquire("container web", out _).ShouldBeTrue();
        _clock.Advance(TimeSpan.FromSeconds(40));
        limiter.TryAcquire("container web", out _).ShouldBeTrue();

        limiter.TryAcquire("container web", out var retryAt).ShouldBeFalse();
        retryAt.ShouldBe(T0 + TimeSpan.FromMinutes(1));

        _clock.Advance(TimeSpan.FromSeconds(20));
        limiter.TryAcquire("container web", out _).ShouldBeTrue();
        limiter.TryAcquire("container web", out retryAt).ShouldBeFalse();
        retryAt.ShouldBe(T0 + TimeSpan.FromSeconds(100));
    }
}
