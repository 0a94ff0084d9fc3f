using Contact.Server.Hosting;
using Contact.Server.Storage;

// Contact server: the register of accredited child contact centres, referrals and safe information
// sharing between Cafcass and NACCC, over gRPC. `Contact.Server --help` lists the commands
// (bootstrap-key, verify-audit, check-store, backup, restore); without one it serves.
return await ServerCommandLine.InvokeAsync(args, async builder =>
{
    if (ListenerGuard.Refusal(builder.Configuration) is { } refusal)
    {
        Console.Error.WriteLine(refusal);
        return ExitCodes.Failed;
    }
    var app = builder.Build();
    // Open the store and load the register before serving, so that a damaged or foreign file is
    // one line and an exit code, not a failed host with a stack trace.
    if (ContactHosting.OpenStore(app.Services) is { } problem)
    {
        Console.Error.WriteLine(problem.Message);
        return problem is StoreDamagedException ? ExitCodes.StoreDamaged : ExitCodes.Failed;
    }
    app.MapContact();
    await app.RunAsync();
    return ExitCodes.Ok;
});
