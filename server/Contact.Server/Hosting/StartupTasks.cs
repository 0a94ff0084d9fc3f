using Contact.Server.Demo;
using Contact.Server.Storage;

namespace Contact.Server.Hosting;

/// <summary>Before serving: load the register and the postcode directory into memory and, in demo mode, the demo register and keys.</summary>
public sealed class StartupTasks(RegisterRepository register, PostcodeDirectory postcodes, ContactOptions options, IServiceProvider services, ILogger<StartupTasks> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        register.EnsureIndexLoaded();
        postcodes.EnsureLoaded();
        if (options.Demo) await ActivatorUtilities.CreateInstance<DemoData>(services).EnsureLoadedAsync();
        log.LogInformation("Register loaded.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
