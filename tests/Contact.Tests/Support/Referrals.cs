using Contact.Client;
using Contact.V1;

namespace Contact.Tests.Support;

/// <summary>Valid referral requests and accredited centres to start tests from.</summary>
public static class Referrals
{
    public static Referral Valid(string centre) => new()
    {
        CaseNumber = "ZE26C00123",
        Children = { new ReferralChild { GivenNames = "Amelia", FamilyName = "Stone", BirthDate = new Google.Type.Date { Year = 2019, Month = 3, Day = 14 } } },
        Kind = ReferralKind.PlannedWork,
        ContactType = ContactType.Supported,
        Centre = centre,
        RiskAssessment = new ReferralRiskAssessment { RiskLevel = ReferralRiskLevel.None },
        ChildPreparation = new ChildPreparation { Plan = "The FCA explains the visit with a picture book", DeliveredBy = "the FCA" },
        FamilyAware = true,
        WaitingTimeChecked = true,
        CaseInformation = new ReferralCaseInformation { NatureOfDispute = "Arrangements for Amelia to spend time with her father" },
        RequestId = Guid.NewGuid().ToString(),
    };

    public static async Task<Centre> AccreditedCentreAsync(ContactClient naccc, string name, bool commissioned, DateOnly? renewal = null)
    {
        var request = Centres.Valid(name);
        if (commissioned)
            request.Commissioning = new Commissioning
            {
                ContractReference = "NCT-2026-001",
                Period = new DateRange { StartDate = new Google.Type.Date { Year = 2026, Month = 1, Day = 1 } },
            };
        var centre = await naccc.Register.CreateCentreAsync(new CreateCentreRequest { Centre = request });
        foreach (var level in new[] { AccreditationLevel.Standard, AccreditationLevel.Enhanced })
        {
            var decision = new RecordAccreditationDecisionRequest { Centre = centre.Name, Level = level, Action = AccreditationAction.Grant, Reason = "Panel decision" };
            if (renewal is { } due) decision.RenewalDueDate = new Google.Type.Date { Year = due.Year, Month = due.Month, Day = due.Day };
            centre = await naccc.Register.RecordAccreditationDecisionAsync(decision);
        }
        return centre;
    }

    /// <summary>Waits (at most 10 s) for the background job to flag a referral; fails the test otherwise.</summary>
    public static async Task<Referral> WaitForFlagAsync(ContactClient nct, string name)
    {
        for (var i = 0; i < 100; i++)
        {
            var referral = await nct.Referrals.GetReferralAsync(new GetReferralRequest { Name = name });
            if (referral.Flags.Count > 0) return referral;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{name} was not flagged within 10 s.");
    }
}
