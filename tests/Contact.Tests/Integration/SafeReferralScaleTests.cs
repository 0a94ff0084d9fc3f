using System.Diagnostics;
using Contact.Tests.Support;
using Contact.V1;
using Xunit.Abstractions;
using static Contact.Tests.Integration.SafeReferralTests;

namespace Contact.Tests.Integration;

/// <summary>
/// The look-up against a case index of a few thousand cases, through the SDK: bounded in count and
/// time, and reporting what it measured.
/// </summary>
public class SafeReferralScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Look_ups_stay_fast_and_exact_with_two_thousand_cases_in_the_index()
    {
        await using var host = await TestHost.StartAsync();
        try
        {
            var caseSystem = await host.ClientAsync(Role.CaseSystem);
            var naccc = await host.ClientAsync(Role.Naccc);
            var callCentre = await host.ClientAsync(Role.CallCentre);
            string[] families = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Khan"];
            var load = Stopwatch.StartNew();
            for (var batch = 0; batch < 2; batch++)
            {
                var request = new BatchUpsertCasesRequest();
                for (var i = 0; i < 1000; i++)
                {
                    var n = batch * 1000 + i;
                    // Distinct birthdays per family so that each query has one true match among many near ones.
                    request.Cases.Add(NewCase($"ZW{n:D8}", $"Child{n}", families[n % families.Length], D(2010 + n % 15, 1 + n % 12, 1 + n / 120 % 28)));
                }
                await caseSystem.Cases.BatchUpsertCasesAsync(request, deadline: DateTime.UtcNow.AddMinutes(2));
            }
            load.Stop();

            var timings = new List<double>();
            for (var k = 0; k < 20; k++)
            {
                var n = k * 97;
                var submitted = await naccc.InformationSharing.SubmitSharingRequestAsync(new SubmitSharingRequestRequest
                {
                    SrsReference = $"SRS-{k}", FamilyName = families[n % families.Length], ParentWishingContact = "P", PartiesConsentedToChecks = true,
                    Children = { new SharingChild { GivenNames = $"Child{n}", DateOfBirth = D(2010 + n % 15, 1 + n % 12, 1 + n / 120 % 28) } },
                });
                var watch = Stopwatch.StartNew();
                var looked = await callCentre.InformationSharing.LookUpCaseAsync(new LookUpCaseRequest { Name = submitted.Name });
                timings.Add(watch.Elapsed.TotalMilliseconds);
                Assert.Equal(SharingRequestState.WithFca, looked.SharingRequest.State);
                Assert.Equal($"ZW{n:D8}", looked.SharingRequest.Cafcass.CaseNumber);
            }
            timings.Sort();
            output.WriteLine($"2,000 cases upserted in {load.Elapsed.TotalSeconds:F1} s; look-up median {timings[timings.Count / 2]:F1} ms, max {timings[^1]:F1} ms over {timings.Count}");
            Assert.True(timings[^1] < 5_000, $"slowest look-up {timings[^1]:F0} ms");
        }
        finally
        {
            host.DeleteData();
        }
    }
}
