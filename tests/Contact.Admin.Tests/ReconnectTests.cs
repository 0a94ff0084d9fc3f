using Contact.Client;
using Contact.V1;
using Terminal.Gui.Input;

namespace Contact.Admin.Tests;

/// <summary>
/// The console against the real server process: the server is stopped and started again on the
/// same port and store, and the live feed says it is offline, then reconnected from its last
/// sequence, and carries on with changes recorded after the restart.
/// </summary>
public sealed class ReconnectTests
{
    [Fact]
    public async Task The_live_feed_survives_a_server_restart_and_says_so()
    {
        var data = Path.Combine(Path.GetTempPath(), "contact-admin-e2e", Guid.NewGuid().ToString("N"));
        var server = await ServerProcess.StartAsync(data, "--demo");
        var address = server.Address;   // the restart comes back on the same port
        try
        {
            var keys = server.DemoKeys();
            using var nct = new ContactClient(server.Address, keys["nct"]);
            using var naccc = new ContactClient(server.Address, keys["naccc"]);
            var accredited = (await naccc.Register.ListCentresAsync(new ListCentresRequest { Status = AccreditationStatus.Accredited, ContactType = ContactType.Supported, PageSize = 1 })).Centres.Single();

            using var console = new HeadlessConsole(nct);
            console.WaitForLiveFeed();
            HeadlessConsole.Block(() => naccc.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
            {
                Centre = accredited.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Suspend, Reason = "Before the restart",
            }).ResponseAsync);
            console.WaitUntil(_ => console.Main.AccreditationFeed.LastSequence > 0, "the change before the restart");
            var before = console.Main.AccreditationFeed.LastSequence;

            // No awaits while the console is open: its synchronisation context is pumped only by the test.
            HeadlessConsole.Block(() => server.DisposeAsync().AsTask());
            console.WaitFor("Live: offline", 20_000);

            server = HeadlessConsole.Block(() => ServerProcess.StartAsync(data, "--demo", $"--Kestrel:Endpoints:Grpc:Url={address}").WaitAsync(TimeSpan.FromSeconds(90)));
            console.WaitFor($"Live: reconnected @{before}", 30_000);
            Assert.Equal(1, console.Main.AccreditationFeed.Reconnects);
            console.WaitFor("Server back: open screens refreshed.");
            console.WaitFor(" found, page 1/");

            HeadlessConsole.Block(() => naccc.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
            {
                Centre = accredited.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Reinstate, Reason = "After the restart",
            }).ResponseAsync);
            console.WaitUntil(_ => console.Main.AccreditationFeed.LastSequence == before + 1, "the change recorded after the restart", 20_000);
            console.WaitFor($"Live: @{before + 1} (reconnected)");
            console.Press(Key.F5);
            console.WaitIdle();
        }
        finally
        {
            await server.DisposeAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }
}
