using System.Threading.Channels;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Leases.Events;
using Shouldly;

namespace SecureLaunch.Core.Tests.Leases;

public sealed class LeaseEventFanOutTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_subscriber_sees_every_event_in_order_and_completes_with_the_source()
    {
        var source = Channel.CreateUnbounded<LeaseEvent>();
        var fanOut = new LeaseEventFanOut(source.Reader);
        var journal = fanOut.Subscribe();
        var metrics = fanOut.Subscribe();
        LeaseEvent[] events = [new RefetchRequested("db", At, RefetchReason.Expired, null), new SecretRefetched("db", At, null, null, null)];

        foreach (var leaseEvent in events)
        {
            source.Writer.TryWrite(leaseEvent);
        }

        source.Writer.Complete();
        await fanOut.Completion;

        (await ReadAllAsync(journal)).ShouldBe(events);
        (await ReadAllAsync(metrics)).ShouldBe(events);
    }

    [Fact]
    public async Task A_subscriber_after_the_end_gets_a_completed_channel()
    {
        var source = Channel.CreateUnbounded<LeaseEvent>();
        var fanOut = new LeaseEventFanOut(source.Reader);
        source.Writer.Complete();
        await fanOut.Completion;

        var late = fanOut.Subscribe();

        (await ReadAllAsync(late)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_subscriber_that_does_not_read_loses_its_oldest_events_without_holding_the_others_up()
    {
        var source = Channel.CreateUnbounded<LeaseEvent>();
        var fanOut = new LeaseEventFanOut(source.Reader, capacity: 2);
        var idle = fanOut.Subscribe();
        var reader = fanOut.Subscribe();
        var events = Enumerable.Range(0, 5).Select(i => (LeaseEvent)new RefetchRequested($"s{i}", At, RefetchReason.Interval, null)).ToArray();
        var received = new List<LeaseEvent>();

        foreach (var leaseEvent in events)
        {
            source.Writer.TryWrite(leaseEvent);
            received.Add(await reader.ReadAsync(TestContext.Current.CancellationToken));
        }

        source.Writer.Complete();
        await fanOut.Completion;

        received.ShouldBe(events);
        (await ReadAllAsync(idle)).ShouldBe(events[3..]);
    }

    private static async Task<List<LeaseEvent>> ReadAllAsync(ChannelReader<LeaseEvent> reader)
    {
        var list = new List<LeaseEvent>();
        await foreach (var leaseEvent in reader.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            list.Add(leaseEvent);
        }

        return list;
    }
}
