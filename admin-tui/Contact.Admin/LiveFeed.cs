using Contact.Client;
using Contact.V1;
using Grpc.Core;

namespace Contact.Admin;

/// <summary>
/// Follows one of the server's resumable change streams for the whole session. When the server
/// goes away it keeps trying, and on return resumes after the last sequence it saw, so nothing is
/// missed or repeated. It reports its state in words for the status line.
/// </summary>
/// <param name="watch">Opens the stream after a sequence number (0: the recorded history first).</param>
/// <param name="sequenceOf">Where a message sits in the stream.</param>
public sealed class LiveFeed<T>(
    ContactClient client,
    Func<ContactClient, long, CancellationToken, AsyncServerStreamingCall<T>> watch,
    Func<T, long> sequenceOf,
    Action<T> changed,
    Action<string>? state = null,
    Action? reconnected = null) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    /// <summary>The last change seen; a reconnect asks for those after it.</summary>
    public long LastSequence { get; private set; }

    public int Reconnects { get; private set; }

    public void Start() => _loop ??= Task.Run(() => FollowAsync(_stop.Token));

    private async Task FollowAsync(CancellationToken stop)
    {
        var lost = false;
        var attempt = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // The stream says nothing until a change happens, so a cheap call proves the server is back.
                await client.Access.GetCallerIdentityAsync(new GetCallerIdentityRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: stop);
                if (lost)
                {
                    Reconnects++;
                    state?.Invoke($"Live: reconnected @{LastSequence}");
                    reconnected?.Invoke();
                }
                else state?.Invoke("Live: watching changes");
                attempt = 0;
                using var call = watch(client, LastSequence, stop);
                await foreach (var message in call.ResponseStream.ReadAllAsync(stop))
                {
                    LastSequence = sequenceOf(message);
                    changed(message);
                    state?.Invoke($"Live: @{LastSequence}{(Reconnects > 0 ? " (reconnected)" : "")}");
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested) { return; }
            catch (Exception) { /* the server went away or refused: wait and try again */ }

            lost = true;
            attempt++;
            state?.Invoke($"Live: offline, retry #{attempt}");
            try { await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * Math.Pow(2, Math.Min(attempt, 5)))), stop); }
            catch (OperationCanceledException) { return; }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _loop?.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
        _stop.Dispose();
    }
}
