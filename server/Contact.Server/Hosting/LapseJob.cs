using Contact.Server.Storage;

namespace Contact.Server.Hosting;

/// <summary>
/// Records the lapse of every accreditation past its renewal date (MOU 2.1.3), so that the
/// history shows it and WatchAccreditationChanges subscribers receive it. Lookups do not wait for
/// it: they treat such an accreditation as lapsed at once.
/// </summary>
public sealed class LapseJob(RegisterRepository register, ContactOptions options, TimeProvider time, ILogger<LapseJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.LapseCheckSeconds)), time);
        do
        {
            try
            {
                var lapsed = await register.RecordDueLapsesAsync();
                if (lapsed > 0) log.LogInformation("Recorded lapsed accreditation for {Count} centres.", lapsed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "The lapse job failed; it will try again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
