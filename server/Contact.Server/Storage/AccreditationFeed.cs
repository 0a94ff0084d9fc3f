using System.Threading.Channels;
using Contact.Server.Domain.Register;

namespace Contact.Server.Storage;

/// <summary>
/// Fans accreditation changes out to live subscribers once they are durable. A subscriber that falls
/// more than its buffer behind is dropped (its stream ends) rather than slowing the writer; it
/// reconnects with its last sequence and replays from the change log.
/// </summary>
public sealed class AccreditationFeed
{
    private const int Buffer = 10_000;
    private readonly Lock _gate = new();
    private readonly List<Channel<AccreditationChange>> _subscribers = [];

    public ChannelReader<AccreditationChange> Subscribe(CancellationToken stop)
    {
        var channel = Channel.CreateBounded<AccreditationChange>(new BoundedChannelOptions(Buffer) { SingleReader = true });
        lock (_gate) _subscribers.Add(channel);
        stop.Register(() => Unsubscribe(channel));
        return channel.Reader;
    }

    public int SubscriberCount { get { lock (_gate) return _subscribers.Count; } }

    public void Publish(AccreditationChange change)
    {
        Channel<AccreditationChange>[] subscribers;
        lock (_gate) subscribers = [.. _subscribers];
        foreach (var channel in subscribers)
        {
            if (!channel.Writer.TryWrite(change))
            {
                channel.Writer.TryComplete(new InvalidOperationException("The subscriber fell too far behind; reconnect with the last sequence received."));
                Unsubscribe(channel);
            }
        }
    }

    private void Unsubscribe(Channel<AccreditationChange> channel)
    {
        lock (_gate) _subscribers.Remove(channel);
        channel.Writer.TryComplete();
    }
}
