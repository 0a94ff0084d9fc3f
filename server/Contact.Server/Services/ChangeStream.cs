using System.Threading.Channels;
using Contact.Server.Domain.Common;
using Grpc.Core;

namespace Contact.Server.Services;

/// <summary>
/// How every Watch call runs. It subscribes to live changes first, then replays the recorded
/// changes after the client's sequence page by page, then follows the live ones, dropping by
/// sequence what the replay already sent: a client that reconnects with the last sequence it saw
/// misses nothing and sees nothing twice. With <c>live_only</c> there is no replay: a client that
/// loads the current state itself hears only of changes from now on, and is sent no history.
/// The response headers go out as soon as the subscription is in place, so a client that waits
/// for them knows that every change recorded afterwards will reach it.
/// </summary>
internal static class ChangeStream
{
    private const int ReplayPage = 500;

    /// <summary>Checks the start of a stream: a sequence not below zero, and none with <c>live_only</c>.</summary>
    public static Validation RequireStart(long afterSequence, bool liveOnly) => new Validation()
        .Require(afterSequence >= 0, "after_sequence", "must not be negative")
        .Require(!liveOnly || afterSequence == 0, "after_sequence", "must be 0 with live_only (there is no history to resume)");

    /// <summary>
    /// The subscribe-replay-follow loop. <paramref name="live"/> must already be subscribed, so that
    /// nothing recorded during the replay is missed. For a Watch <paramref name="call"/>, the
    /// response headers are sent first and it runs until the call ends; without one (a background
    /// job), until <paramref name="stop"/>.
    /// </summary>
    public static async Task FollowAsync<T>(
        ChannelReader<T> live,
        long afterSequence,
        bool liveOnly,
        Func<long, int, IReadOnlyList<T>> recordedAfter,
        Func<T, long> sequenceOf,
        Func<T, bool> wanted,
        Func<T, Task> send,
        ServerCallContext? call,
        CancellationToken stop = default)
    {
        if (call is not null)
        {
            await call.WriteResponseHeadersAsync([]);
            stop = call.CancellationToken;
        }
        var last = afterSequence;
        while (!liveOnly)
        {
            var page = recordedAfter(last, ReplayPage);
            foreach (var change in page)
            {
                if (wanted(change)) await send(change);
                last = sequenceOf(change);
            }
            if (page.Count < ReplayPage) break;
        }
        await foreach (var change in live.ReadAllAsync(stop))
        {
            if (sequenceOf(change) <= last || !wanted(change)) continue;
            await send(change);
            last = sequenceOf(change);
        }
    }
}
