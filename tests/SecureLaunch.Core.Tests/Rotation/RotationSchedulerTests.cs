using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using SecureLaunch.Core.Rotation;
using SecureLaunch.Core.Rotation.Events;
using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Rotation;

/// <summary>The scheduler on a fake clock with recording targets: debounce, merge, rate limit, one action at a time per target.</summary>
public sealed class RotationSchedulerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(15);
    private readonly FakeTimeProvider _clock = new(T0);

    private static DateTimeOffset At(double seconds) => T0 + TimeSpan.FromSeconds(seconds);

    [Fact]
    public async Task Two_secrets_changing_within_the_debounce_cause_one_action_with_the_strongest_policy()
    {
        var web = new RecordingTarget("container web", ("db", ConsumerAction.Restart), ("cert", ConsumerAction.File));
        await using var scheduler = Start(web);

        scheduler.SecretChanged("cert").ShouldBe(["container web"]);
        _clock.Advance(TimeSpan.FromSeconds(1));
        scheduler.SecretChanged("db");
        (await NextAsync<RotationScheduled>(scheduler, e => e.Secrets.Count == 2)).DueAt.ShouldBe(At(3));
        _clock.Advance(TimeSpan.FromSeconds(2));

        var applied = await NextAsync<RotationApplied>(scheduler);
        applied.Action.ShouldBe(ConsumerAction.Restart);
        applied.Secrets.ShouldBe(["cert", "db"]);
        web.Applied.ShouldBe([ConsumerAction.Restart]);
    }

    [Fact]
    public async Task A_second_restart_within_the_rate_limit_waits_for_the_window_and_is_reported_once()
    {
        var web = new RecordingTarget("container web", ("db", ConsumerAction.Restart));
        await using var scheduler = Start(web);
        scheduler.SecretChanged("db");
        await NextAsync<RotationScheduled>(scheduler);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await NextAsync<RotationApplied>(scheduler);

        scheduler.SecretChanged("db");
        await NextAsync<RotationScheduled>(scheduler);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var deferred = await NextAsync<RotationDeferred>(scheduler);

        deferred.RetryAt.ShouldBe(At(32), "one restart per 30 s, the first at 2 s");
        _clock.Advance(TimeSpan.FromSeconds(27));
        web.Applied.Count.ShouldBe(1);
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await NextAsync<RotationApplied>(scheduler)).At.ShouldBe(At(32));
        web.Applied.ShouldBe([ConsumerAction.Restart, ConsumerAction.Restart]);
    }

    [Fact]
    public async Task File_rewrites_are_not_rate_limited()
    {
        var web = new RecordingTarget("container web", ("kv", ConsumerAction.File));
        await using var scheduler = Start(web);
        for (var i = 0; i < 3; i++)
        {
            scheduler.SecretChanged("kv");
            await NextAsync<RotationScheduled>(scheduler);
            _clock.Advance(TimeSpan.FromSeconds(2));
            await NextAsync<RotationApplied>(scheduler);
        }

        web.Applied.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Rotate_none_and_consumers_that_do_not_use_the_secret_are_left_alone()
    {
        var web = new RecordingTarget("container web", ("stripe", ConsumerAction.None), ("db", ConsumerAction.File));
        var worker = new RecordingTarget("container worker", ("db", ConsumerAction.File));
        await using var scheduler = Start(web, worker);

        scheduler.SecretChanged("stripe").ShouldBeEmpty();
        (await NextAsync<SecretChanged>(scheduler)).Targets.ShouldBeEmpty();
        scheduler.SecretChanged("db").ShouldBe(["container web", "container worker"]);
        await NextAsync<RotationScheduled>(scheduler, e => e.Target == "container worker");
        _clock.Advance(TimeSpan.FromSeconds(2));
        await NextAsync<RotationApplied>(scheduler);
        await NextAsync<RotationApplied>(scheduler);

        web.Applied.ShouldBe([ConsumerAction.File]);
        worker.Applied.ShouldBe([ConsumerAction.File]);
    }

    [Fact]
    public async Task A_failed_action_is_reported_and_the_next_change_is_acted_on()
    {
        var web = new RecordingTarget("container web", ("db", ConsumerAction.File)) { FailNext = true };
        await using var scheduler = Start(web);
        scheduler.SecretChanged("db");
        await NextAsync<RotationScheduled>(scheduler);
        _clock.Advance(TimeSpan.FromSeconds(2));

        (await NextAsync<RotationFailed>(scheduler)).Message.ShouldBe("IOException writing the secret files");

        scheduler.SecretChanged("db");
        await NextAsync<RotationScheduled>(scheduler);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await NextAsync<RotationApplied>(scheduler);
        web.Applied.Count.ShouldBe(1);
    }

    private RotationScheduler Start(params IRotationTarget[] targets)
    {
        var scheduler = new RotationScheduler(targets, RotationSettings.Default, _clock);
        scheduler.Start();
        return scheduler;
    }

    private static async Task<T> NextAsync<T>(RotationScheduler scheduler, Func<T, bool>? match = null)
        where T : RotationEvent
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(HangGuard);
        while (true)
        {
            var next = await scheduler.Events.ReadAsync(guard.Token);
            if (next is T wanted && (match is null || match(wanted)))
            {
                return wanted;
            }
        }
    }

    private sealed class RecordingTarget(string name, params (string Secret, ConsumerAction Action)[] uses) : IRotationTarget
    {
        private readonly ConcurrentQueue<ConsumerAction> _applied = new();

        public string Name => name;

        public IReadOnlyDictionary<string, ConsumerAction> Uses { get; } = uses.ToDictionary(u => u.Secret, u => u.Action);

        public bool FailNext { get; set; }

        public List<ConsumerAction> Applied => [.. _applied];

        public Task ApplyAsync(ConsumerAction action, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new IOException("disk full");
            }

            _applied.Enqueue(action);
            return Task.CompletedTask;
        }
    }
}
