using System.Threading.Channels;

namespace Contact.Server.Storage;

/// <summary>
/// Fans items out to live subscribers once they are durable (the same design as
/// <see cref="AccreditationFeed"/>): a subscriber that falls more than its buffer behind is dropped
/// and reconnects with the last sequence it saw, replaying from the store.
/// </summary>
public sealed class Feed<T>
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

    public void Publish(T item)
    {
        Channel<T>[] subscribers;
        lock (_gate) subscribers = [.. _subscribers];
        foreach (var channel in subscribers)
        {
            if (!channel.Writer.TryWrite(item))
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
