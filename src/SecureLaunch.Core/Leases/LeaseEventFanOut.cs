using System.Threading.Channels;
using SecureLaunch.Core.Leases.Events;

namespace SecureLaunch.Core.Leases;

/// <summary>
/// The single reader of <see cref="LeaseSupervisor.Events"/>, copying every event to each subscriber's own channel so
/// several consumers (the journal, <c>status</c> output, metrics) see them all. Subscribe before the supervisor starts
/// to see every event; a subscriber sees events raised after it subscribed. Each subscriber's channel is bounded and
/// drops its oldest events when that subscriber falls behind, so a slow one never holds the others (or the loops) up.
/// Every subscriber's channel completes when the source does (the supervisor was disposed).
/// </summary>
public sealed class LeaseEventFanOut
{
    private readonly object _gate = new();
    private readonly List<Channel<LeaseEvent>> _subscribers = [];
    private readonly int _capacity;
    private bool _completed;

    /// <param name="source">The supervisor's events; this becomes their only reader.</param>
    /// <param name="capacity">Events each subscriber may fall behind before its oldest are dropped.</param>
    public LeaseEventFanOut(ChannelReader<LeaseEvent> source, int capacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        Completion = Task.Run(() => PumpAsync(source));
    }

    /// <summary>Completes once the source has completed and every subscriber was told.</summary>
    public Task Completion { get; }

    /// <summary>A new reader of every event from now on.</summary>
    public ChannelReader<LeaseEvent> Subscribe()
    {
        var channel = Channel.CreateBounded<LeaseEvent>(new BoundedChannelOptions(_capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        });
        lock (_gate)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _subscribers.Add(channel);
            }
        }

        return channel.Reader;
    }

    private async Task PumpAsync(ChannelReader<LeaseEvent> source)
    {
        try
        {
            await foreach (var leaseEvent in source.ReadAllAsync().ConfigureAwait(false))
            {
                lock (_gate)
                {
                    foreach (var subscriber in _subscribers)
                    {
                        subscriber.Writer.TryWrite(leaseEvent);
                    }
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _completed = true;
                foreach (var subscriber in _subscribers)
                {
                    subscriber.Writer.TryComplete();
                }
            }
        }
    }
}
