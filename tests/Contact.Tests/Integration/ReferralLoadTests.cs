using System.Diagnostics;
using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;
using Xunit.Abstractions;

namespace Contact.Tests.Integration;

/// <summary>
/// A bounded load run through the in-process channel: submissions one after another and all at
/// once, a burst of retries sharing one request id, and a lapse that flags every open referral.
/// Prints its timings (dotnet test --filter ReferralLoadTests --logger "console;verbosity=detailed").
/// </summary>
public class ReferralLoadTests(ITestOutputHelper output)
{
    private const int Sequential = 100, Concurrent = 100, Retries = 50;

    [Fact]
    public async Task Submissions_retries_and_a_lapse_under_load()
    {
        await using var host = await TestHost.StartAsync();
        try
        {
            var naccc = await host.ClientAsync(Role.Naccc);
            var practitioner = await host.ClientAsync(Role.Practitioner);
            var renewal = DateOnly.FromDateTime(TestHost.Start.UtcDateTime).AddDays(10);
            var centre = await Referrals.AccreditedCentreAsync(naccc, "Load Centre", commissioned: false, renewal: renewal);
            SubmitReferralRequest New() => new() { Referral = Referrals.Valid(centre.Name) };

            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Sequential; i++) await practitioner.Referrals.SubmitReferralAsync(New());
            output.WriteLine($"{Sequential} submissions one after another: {clock.ElapsedMilliseconds} ms ({(double)clock.ElapsedMilliseconds / Sequential:F1} ms each)");

            clock.Restart();
            await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => practitioner.Referrals.SubmitReferralAsync(New()).ResponseAsync));
            output.WriteLine($"{Concurrent} submissions at once: {clock.ElapsedMilliseconds} ms ({Concurrent * 1000.0 / clock.ElapsedMilliseconds:F0} a second)");

            var retried = New();
            clock.Restart();
            var results = await Task.WhenAll(Enumerable.Range(0, Retries).Select(_ => practitioner.Referrals.SubmitReferralAsync(retried).ResponseAsync));
            output.WriteLine($"{Retries} concurrent submissions with one request_id: {clock.ElapsedMilliseconds} ms");
            Assert.Single(results.Select(r => r.Name).Distinct());

            const int total = Sequential + Concurrent + 1;
            Assert.Equal(total, host.Get<ContactStore>().Read(s => s.Collection<ReferralDocument>(ReferralRepository.Collection).Count()));

            using var stream = practitioner.Referrals.WatchReferrals(new WatchReferralsRequest { AfterSequence = total });
            host.Clock.Advance(TimeSpan.FromDays(11));
            clock.Restart();
            await host.Get<RegisterRepository>().RecordDueLapsesAsync();
            var flagged = 0;
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (flagged < total && await stream.ResponseStream.MoveNext(bound.Token))
                if (stream.ResponseStream.Current.ChangeType == ReferralChangeType.Flagged) flagged++;
            output.WriteLine($"a lapse flagging {flagged} open referrals, all received on the practitioner's stream: {clock.ElapsedMilliseconds} ms");
            Assert.Equal(total, flagged);
        }
        finally
        {
            host.DeleteData();
        }
    }
}
