// Nearest supervised centres to a postcode, a referral to the first, read back. In a new console
// project with <PackageReference Include="Contact.Client" />:
//   CONTACT_URL=http://127.0.0.1:5080 CONTACT_API_KEY=... dotnet run -- "LS1 4AP"
using Contact.Client;
using Contact.V1;
using Grpc.Core;

using var client = new ContactClient(Environment.GetEnvironmentVariable("CONTACT_URL")!, Environment.GetEnvironmentVariable("CONTACT_API_KEY"));
try
{
    var found = await client.Register.FindNearestCentresAsync(new FindNearestCentresRequest
    {
        Postcode = args.FirstOrDefault() ?? "LS1 4AP", ContactType = ContactType.Supervised, CommissionedOnly = true, Limit = 3,   // policy 1.4
    });
    foreach (var r in found.Results) Console.WriteLine($"{r.Summary.DisplayName}: {r.DistanceMiles:0.0} miles");
    var submitted = await client.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = new Referral
    {
        RequestId = Guid.NewGuid().ToString(), CaseNumber = "ZE26C00123", Kind = ReferralKind.PlannedWork,
        Children = { new ReferralChild { GivenNames = "Amelia", FamilyName = "Stone", BirthDate = new Google.Type.Date { Year = 2019, Month = 3, Day = 14 } } },
        ContactType = ContactType.Supervised, Centre = found.Results[0].Summary.Name, FamilyAware = true, WaitingTimeChecked = true,
        RiskAssessment = new ReferralRiskAssessment { RiskLevel = ReferralRiskLevel.Potential },
        CaseInformation = new ReferralCaseInformation { NatureOfDispute = "Arrangements" },
        ChildPreparation = new ChildPreparation { Plan = "Visit the centre first", DeliveredBy = "the FCA" },
    } });
    var read = await client.Referrals.GetReferralAsync(new GetReferralRequest { Name = submitted.Name });
    Console.WriteLine($"referral {read.Name}: {read.Status}");
}
catch (RpcException ex)
{
    var error = ex.ToContactError();
    Console.Error.WriteLine($"refused: {error} {string.Join(", ", error.Fields.Select(f => f.Field))}");
    return 1;
}
return 0;
