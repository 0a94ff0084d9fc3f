using Contact.Server.Domain.Register;
using Contact.Server.Services;
using Contact.Server.Storage;

namespace Contact.Server.Hosting;

/// <summary>
/// Follows the accreditation changes and flags every open referral whose centre loses the
/// accreditation its contact type needs (policy 1.2; MOU 2.1.2, 2.1.3), so the practitioner and NCT
/// learn of it on their WatchReferrals streams: never silently kept. It resumes from a durable
/// cursor that moves in the same transaction as the flags, so a restart misses no change.
/// </summary>
public sealed class ReferralFlagJob(RegisterRepository register, ReferralRepository referrals, ILogger<ReferralFlagJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            try
            {
                await FollowAsync(run.Token);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // A dropped subscription or a failed write: catch up again from the durable cursor.
                log.LogError(ex, "Flagging referrals for accreditation changes failed; resuming.");
                await run.CancelAsync();
                try { await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken); } catch (OperationCanceledException) { return; }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    // Subscribe before catching up from the durable cursor so that nothing recorded in between is missed.
    private Task FollowAsync(CancellationToken stop) =>
        ChangeStream.FollowAsync(register.Subscribe(stop), referrals.FlagCursor(), liveOnly: false,
            (after, max) => register.ChangesAfter(after, null, max), change => change.Sequence, _ => true, HandleAsync, call: null, stop);

    private async Task HandleAsync(AccreditationChange change)
    {
        // Only a loss of accreditation can affect a referral; skip the write for anything else.
        if (change.PreviousStatus != AccreditationStatus.Accredited || change.NewStatus == AccreditationStatus.Accredited) return;
        var flagged = await referrals.FlagForAccreditationChangeAsync(change);
        if (flagged > 0)
            log.LogWarning("{Centre} lost {Level} accreditation: {Count} open referrals flagged.", Names.Centre(change.CentreId), change.Level, flagged);
    }
}
