using Contact.Server.Security;

namespace Contact.Server.Hosting;

/// <summary>
/// Runs the retention sweep on start and then every Contact:Retention:CheckMinutes, on the
/// injectable clock: records past their retention date are purged or anonymised, and the audit
/// trail records each batch.
/// </summary>
public sealed class RetentionJob(RetentionSweeper sweeper, RetentionOptions options, TimeProvider time, ILogger<RetentionJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.CheckMinutes)), time);
        do
        {
            try
            {
                foreach (var swept in await sweeper.RunAsync())
                    log.LogInformation("Retention: {Action} {Count} {Kind}.", swept.Action, swept.Count, swept.Kind);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "The retention job failed; it will try again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
