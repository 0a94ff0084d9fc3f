using System.Collections;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Contact.Client;

/// <summary>Paging and resuming for every List and Watch RPC, from their descriptors.</summary>
public sealed partial class ContactClient
{
    /// <summary>
    /// Every item of a List RPC, fetching pages as it goes:
    /// <c>await foreach (var centre in client.EachAsync&lt;Centre&gt;(new ListCentresRequest { PageSize = 100 }))</c>.
    /// The RPC is the one that takes the request's type; <typeparamref name="TItem"/> is the type of
    /// its response's repeated field.
    /// </summary>
    public async IAsyncEnumerable<TItem> EachAsync<TItem>(IMessage request, CallOptions options = default,
        [EnumeratorCancellation] CancellationToken cancellationToken = default) where TItem : IMessage
    {
        var rpc = ContactServices.RpcFor(request);
        var items = rpc.OutputType.Fields.InFieldNumberOrder().SingleOrDefault(f => f.IsRepeated)
            ?? throw new ArgumentException($"{rpc.FullName} returns no list.", nameof(request));
        if (items.FieldType != FieldType.Message || items.MessageType.ClrType != typeof(TItem))
            throw new ArgumentException($"{rpc.FullName} lists {items.MessageType?.ClrType?.Name ?? items.FieldType.ToString()}, not {typeof(TItem).Name}.", nameof(TItem));
        var pageToken = rpc.InputType.FindFieldByName("page_token");
        var nextPageToken = rpc.OutputType.FindFieldByName("next_page_token");
        var page = Copy(request);
        var method = Untyped(rpc);
        while (true)
        {
            var response = await CallInvoker.AsyncUnaryCall(method, null, options.WithCancellationToken(cancellationToken), page);
            foreach (var item in (IList)items.Accessor.GetValue(response))
                yield return (TItem)item;
            var next = nextPageToken is null ? "" : (string)nextPageToken.Accessor.GetValue(response);
            if (pageToken is null || next.Length == 0) yield break;
            pageToken.Accessor.SetValue(page, next);
        }
    }

    /// <summary>
    /// A Watch stream that reconnects by itself after the last sequence it delivered, when the
    /// connection breaks or the server goes away:
    /// <c>await foreach (var change in client.FollowAsync&lt;WatchReferralsResponse&gt;(new WatchReferralsRequest(), ct: stop))</c>.
    /// Refusals (permission, validation) end it with their <see cref="RpcException"/>; cancelling ends it quietly.
    /// </summary>
    /// <param name="request">A Watch request; its after_sequence is where the first connection starts.</param>
    /// <param name="onReconnect">Told the sequence it resumes after, and the failure (null when the server ended the stream).</param>
    /// <param name="backoff">First wait before reconnecting (doubles up to 5 s; back to this after a message). Default 200 ms.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    public async IAsyncEnumerable<TResponse> FollowAsync<TResponse>(IMessage request, Action<long, RpcException?>? onReconnect = null,
        TimeSpan? backoff = null, [EnumeratorCancellation] CancellationToken cancellationToken = default) where TResponse : IMessage
    {
        var rpc = ContactServices.RpcFor(request);
        if (rpc.OutputType.ClrType != typeof(TResponse))
            throw new ArgumentException($"{rpc.FullName} streams {rpc.OutputType.ClrType.Name}, not {typeof(TResponse).Name}.", nameof(TResponse));
        var after = rpc.InputType.FindFieldByName("after_sequence")
            ?? throw new ArgumentException($"{rpc.FullName} cannot be resumed: its request has no after_sequence.", nameof(request));
        var liveOnly = rpc.InputType.FindFieldByName("live_only");
        var sequenceOf = SequenceReader(rpc.OutputType);
        var method = UntypedStreaming(rpc);
        var first = backoff ?? TimeSpan.FromMilliseconds(200);
        var delay = first;
        long last = (long)after.Accessor.GetValue(request);
        var seen = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var attempt = Copy(request);
            if (seen)
            {
                // After a break, what came after the last sequence seen (live_only would skip it).
                after.Accessor.SetValue(attempt, last);
                liveOnly?.Accessor.SetValue(attempt, false);
            }
            RpcException? failure = null;
            using (var call = CallInvoker.AsyncServerStreamingCall(method, null, new CallOptions(cancellationToken: cancellationToken), attempt))
            {
                while (true)
                {
                    try
                    {
                        if (!await call.ResponseStream.MoveNext(cancellationToken)) break;
                    }
                    catch (RpcException ex) when (cancellationToken.IsCancellationRequested) { _ = ex; yield break; }
                    catch (RpcException ex) when (Resumable(ex.StatusCode)) { failure = ex; break; }
                    var message = call.ResponseStream.Current;
                    if (sequenceOf(message) is { } sequence) { last = sequence; seen = true; }
                    delay = first;
                    yield return (TResponse)message;
                }
            }
            onReconnect?.Invoke(last, failure);
            try { await Task.Delay(delay, cancellationToken); } catch (OperationCanceledException) { yield break; }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
    }

    // A break in the connection, or the server going away, is resumed; a refusal is not.
    private static bool Resumable(StatusCode code) => code is StatusCode.Unavailable or StatusCode.Internal
        or StatusCode.Unknown or StatusCode.Aborted or StatusCode.DeadlineExceeded or StatusCode.Cancelled;

    /// <summary>A Watch response's sequence: a field of its own, or of its one message field.</summary>
    private static Func<IMessage, long?> SequenceReader(MessageDescriptor output)
    {
        if (output.FindFieldByName("sequence") is { } top) return m => (long)top.Accessor.GetValue(m);
        var holder = output.Fields.InFieldNumberOrder().FirstOrDefault(f => f.FieldType == FieldType.Message && f.MessageType.FindFieldByName("sequence") is not null)
            ?? throw new ArgumentException($"{output.FullName} carries no sequence: it cannot be resumed.");
        var inner = holder.MessageType.FindFieldByName("sequence");
        return m => holder.Accessor.GetValue(m) is IMessage held ? (long)inner.Accessor.GetValue(held) : null;
    }

    private static IMessage Copy(IMessage message) => message.Descriptor.Parser.ParseFrom(message.ToByteString());

    private static Method<IMessage, IMessage> Untyped(MethodDescriptor rpc) =>
        new(MethodType.Unary, rpc.Service.FullName, rpc.Name, Marshal(rpc.InputType), Marshal(rpc.OutputType));

    private static Method<IMessage, IMessage> UntypedStreaming(MethodDescriptor rpc) =>
        new(MethodType.ServerStreaming, rpc.Service.FullName, rpc.Name, Marshal(rpc.InputType), Marshal(rpc.OutputType));

    private static Marshaller<IMessage> Marshal(MessageDescriptor type) =>
        Marshallers.Create(m => m.ToByteArray(), bytes => type.Parser.ParseFrom(bytes));
}
