using System.Threading.Channels;

namespace Contact.Server.Storage;

/// <summary>
/// Fans durable changes out to live subscribers, in commit order (publish from
/// <see cref="WriteScope.OnCommitted"/>). A subscriber more than its buffer behind is dropped (its
/// stream ends) rather than slowing the writer; it reconnects with its last sequence and replays
/// from the change log. The same design as <see cref="AccreditationFeed"/>, for any change type.
/// </summary>
public sealed class ChangeFeed<T>
{
    private const int Buffer = 10_000;
    private readonly Lock _gate = new();
    private readonly List<Channel<T>> _subscribers = [];

    public ChannelReader<T> Subscribe(CancellationToken stop)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(Buffer) { SingleReader = true });
        lock (_gate) _subscribers.Add(channel);
        stop.Register(() => Unsubscribe(channel));
        return channel.Reader;
    }

    public int SubscriberCount { get { lock (_gate) return _subscribers.Count; } }

    public void Publish(T change)
    {
        Channel<T>[] subscribers;
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

    private void Unsubscribe(Channel<T> channel)
    {
        lock (_gate) _subscribers.Remove(channel);
        channel.Writer.TryComplete();
    }
}
