using Microsoft.Extensions.Time.Testing;
using SecureLaunch.Core.Leases;
using Shouldly;

namespace SecureLaunch.Core.Tests.Leases;

public sealed class MintBudgetTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_default_is_one_credential_per_secret_per_minute()
    {
        var budget = new MintBudget(_clock);

        budget.TryTake("db", out _).ShouldBeTrue();
        budget.TryTake("db", out var retryAt).ShouldBeFalse();

        retryAt.ShouldBe(_clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        budget.Limit.ShouldBe(1);
        budget.Window.ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void The_window_slides_with_the_clock()
    {
        var budget = new MintBudget(_clock, limit: 2, window: TimeSpan.FromMinutes(1));
        budget.TryTake("db", out _).ShouldBeTrue();
        _clock.Advance(TimeSpan.FromSeconds(30));
        budget.TryTake("db", out _).ShouldBeTrue();

        budget.TryTake("db", out var retryAt).ShouldBeFalse();
        retryAt.ShouldBe(_clock.GetUtcNow() + TimeSpan.FromSeconds(30));

        _clock.Advance(TimeSpan.FromSeconds(30));
        budget.Used("db").ShouldBe(1);
        budget.TryTake("db", out _).ShouldBeTrue();
    }

    [Fact]
    public void Each_secret_has_its_own_budget()
    {
        var budget = new MintBudget(_clock);

        budget.TryTake("db", out _).ShouldBeTrue();

        budget.TryTake("cert", out _).ShouldBeTrue();
        budget.Used("db").ShouldBe(1);
    }

    [Fact]
    public void A_credential_given_back_frees_its_slot()
    {
        var budget = new MintBudget(_clock);
        budget.TryTake("db", out _).ShouldBeTrue();

        budget.Return("db");

        budget.Used("db").ShouldBe(0);
        budget.TryTake("db", out _).ShouldBeTrue();
    }

    [Fact]
    public void Exceeding_the_budget_is_an_error_naming_the_secret()
    {
        var budget = new MintBudget(_clock);
        budget.Take("db");

        var error = Should.Throw<MintBudgetExceededException>(() => budget.Take("db"));

        error.SecretName.ShouldBe("db");
        error.RetryAt.ShouldBe(_clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        error.Message.ShouldStartWith("secret 'db': refused to mint another credential: 1 already minted in the last 1m (limit 1 per 1m)");
    }

    [Fact]
    public void A_budget_must_allow_at_least_one_credential_in_a_positive_window()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new MintBudget(_clock, limit: 0));
        Should.Throw<ArgumentOutOfRangeException>(() => new MintBudget(_clock, window: TimeSpan.Zero));
    }

    [Fact]
    public void A_secret_with_its_own_rate_uses_it_and_the_others_keep_the_default()
    {
        var budget = new MintBudget(_clock);
        budget.SetRate("cert", 3, TimeSpan.FromMinutes(10));

        budget.TryTake("cert", out _).ShouldBeTrue();
        budget.TryTake("cert", out _).ShouldBeTrue();
        budget.TryTake("cert", out _).ShouldBeTrue();
        budget.TryTake("cert", out var retryAt).ShouldBeFalse();
        retryAt.ShouldBe(_clock.GetUtcNow() + TimeSpan.FromMinutes(10));
        budget.RateOf("cert").ShouldBe((3, TimeSpan.FromMinutes(10)));

        budget.TryTake("db", out _).ShouldBeTrue();
        budget.TryTake("db", out _).ShouldBeFalse();
        budget.RateOf("db").ShouldBe((1, TimeSpan.FromMinutes(1)));
    }
}
