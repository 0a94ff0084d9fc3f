using Contact.Server.Domain.Common;
using Contact.Server.Domain.Grants;
using Contact.Server.Domain.Register;
using Contact.Server.Storage;

namespace Contact.Server.Hosting;

/// <summary>
/// Flags pending grant applications whose centre loses its supported-contact accreditation
/// (MOU 2.4.2, 2.1.3). Follows the accreditation change feed; at start-up it also flags any pending
/// application whose centre is not accredited now (changes made while the server was down, and
/// renewal dates passed before the lapse job records them). Awards check accreditation again anyway.
/// </summary>
public sealed class GrantAccreditationWatcher(AccreditationFeed feed, GrantRepository grants, RegisterIndex register, TimeProvider time, ILogger<GrantAccreditationWatcher> log)
    : BackgroundService
{
    private System.Threading.Channels.ChannelReader<AccreditationChange>? _changes;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribe before the server takes calls, so no change made after start-up is missed.
        _changes = feed.Subscribe(CancellationToken.None);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await FlagUnaccreditedAsync("found at the start-up check");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "The start-up check of pending grant applications failed.");
        }

        while (true)
        {
            var changes = _changes ?? feed.Subscribe(stoppingToken);
            _changes = null;
            try
            {
                await foreach (var change in changes.ReadAllAsync(stoppingToken))
                {
                    if (GrantRules.FlagReason(change) is not { } reason) continue;
                    var flagged = await grants.FlagPendingAsync(change.CentreId, reason);
                    if (flagged > 0) log.LogInformation("Flagged {Count} pending grant applications of centres/{Centre}: {Reason}.", flagged, change.CentreId, reason);
                }
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Dropped for falling behind, or a write failed: resubscribe and catch up from the register.
                log.LogWarning(ex, "The grant accreditation watch restarts.");
                if (stoppingToken.IsCancellationRequested) return;
                _changes = feed.Subscribe(stoppingToken);
                await FlagUnaccreditedAsync("found when the watch restarted");
            }
        }
    }

    private async Task FlagUnaccreditedAsync(string when)
    {
        var today = UkClock.Today(time);
        var centres = grants.Applications().Where(a => a.Status == GrantApplicationStatus.Pending && !a.Flagged).Select(a => a.CentreId).Distinct();
        foreach (var id in centres)
        {
            if (register.Get(id) is { } centre && !GrantRules.IsEligible(centre, today))
                await grants.FlagPendingAsync(id, $"Not accredited for supported contact ({when})");
        }
    }
}
