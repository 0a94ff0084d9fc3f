using Contact.Client;
using Grpc.Core;

namespace Contact.Admin;

/// <summary>
/// Follows one of the server's resumable change streams for the whole session. When the server
/// goes away it keeps trying, and on return resumes after the last sequence it saw, so nothing is
/// missed or repeated. It reports its state in words for the status line.
/// </summary>
/// <remarks>
/// The screens load what they show themselves, so the feed never asks for history: it starts
/// with live changes only, and after a break resumes from the last sequence it saw. Had it seen
/// none, it starts live again; the open screens reload on reconnection, so nothing is stale.
/// </remarks>
/// <param name="watch">Opens the stream after a sequence number; 0 asks for live changes only.</param>
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

    /// <summary>The server is listening for this client now.</summary>
    public bool Watching { get; private set; }

    public void Start() => _loop ??= Task.Run(() => FollowAsync(_stop.Token));

    private async Task FollowAsync(CancellationToken stop)
    {
        var lost = false;
        var attempt = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // The server sends the stream's headers once it is listening: from then on no change is missed.
                using var call = watch(client, LastSequence, stop);
                await call.ResponseHeadersAsync.WaitAsync(TimeSpan.FromSeconds(10), stop);
                Watching = true;
                if (lost)
                {
                    Reconnects++;
                    state?.Invoke($"Live: reconnected @{LastSequence}");
                    reconnected?.Invoke();
                }
                else state?.Invoke("Live: watching changes");
                attempt = 0;
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

            Watching = false;
            lost = true;
            attempt++;
            state?.Invoke($"Live: offline, retry #{attempt}");
            try { await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * Math.Pow(2, Math.Min(attempt, 5)))), stop); }
            catch (OperationCanceledException) { return; }
        }
    }

    public void Dispose()
    {
        if (_disposed) return;   // stopping twice (a test, then the way out) is harmless
        _disposed = true;
        _stop.Cancel();
        try { _loop?.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
        _stop.Dispose();
    }

    private bool _disposed;
}
