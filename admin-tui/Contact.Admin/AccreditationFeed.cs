using Contact.Client;
using Contact.V1;
using Grpc.Core;

namespace Contact.Admin;

/// <summary>
/// Follows WatchAccreditationChanges for the whole session. When the server goes away it keeps
/// trying, and on return resumes after the last sequence it saw, so nothing is missed or repeated.
/// It reports its state in words for the status line.
/// </summary>
public sealed class AccreditationFeed(ContactClient client, Action<AccreditationChange> changed, Action<string> state, Action reconnected) : IDisposable
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
                    state($"Live: reconnected @{LastSequence}");
                    reconnected();
                }
                else state("Live: watching changes");
                attempt = 0;
                using var call = client.Register.WatchAccreditationChanges(new WatchAccreditationChangesRequest { AfterSequence = LastSequence }, cancellationToken: stop);
                await foreach (var response in call.ResponseStream.ReadAllAsync(stop))
                {
                    LastSequence = response.Change.Sequence;
                    changed(response.Change);
                    state($"Live: @{LastSequence}{(Reconnects > 0 ? " (reconnected)" : "")}");
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested) { return; }
            catch (Exception) { /* the server went away or refused: wait and try again */ }

            lost = true;
            attempt++;
            state($"Live: offline, retry #{attempt}");
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
