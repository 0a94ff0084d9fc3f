using Contact.Admin.Views;
using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;
using Terminal.Gui.Input;

namespace Contact.Admin.Tests;

/// <summary>
/// The Cases screens (referrals, information-sharing requests) driven headless with injected keys
/// against the real server wiring, in process, through a real GrpcChannel.
/// </summary>
public sealed class CaseScreensTests
{
    [Fact]
    public async Task Referral_screens_follow_the_referral_stream_without_a_keypress()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var naccc = await host.ClientAsync(Role.Naccc);
        var practitioner = await host.ClientAsync(Role.Practitioner, fcaId: "fca-anna");
        var centre = await Referrals.AccreditedCentreAsync(naccc, "Riverside Child Contact Centre", commissioned: true);
        using var console = new HeadlessConsole(nct);
        console.Main.Home(new ReferralsScreen(console.Main));
        console.WaitFor("0 referrals.");

        var submitted = HeadlessConsole.Block(() => practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(centre.Name) }).ResponseAsync);
        console.WaitFor("1 referral.");                      // only pumping the UI loop
        Assert.Contains("ZE26C00123", console.Screen);

        console.Press(Key.Enter);
        console.WaitFor("SUBMITTED");
        // The centre loses its accreditation: the open referral is flagged, and the page shows it.
        HeadlessConsole.Block(() => naccc.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
        {
            Centre = centre.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Suspend, Reason = "Safeguarding review",
        }).ResponseAsync);
        console.WaitFor("FLAGGED");
        Assert.Equal(submitted.Name, Assert.IsType<ReferralDetailScreen>(console.Main.Current).Referral?.Name);
    }

    [Fact]
    public async Task Lists_referrals_filters_the_flagged_one_shows_its_history_and_cancels_it()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var naccc = await host.ClientAsync(Role.Naccc);
        var practitioner = await host.ClientAsync(Role.Practitioner, fcaId: "fca-anna");
        var steady = await Referrals.AccreditedCentreAsync(naccc, "Riverside Child Contact Centre", commissioned: true);
        var failing = await Referrals.AccreditedCentreAsync(naccc, "Hilltop Contact Service", commissioned: false);
        await practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = Referrals.Valid(steady.Name) });
        var toFlag = Referrals.Valid(failing.Name);
        toFlag.CaseNumber = "ZE26C00456";
        var flagged = await practitioner.Referrals.SubmitReferralAsync(new SubmitReferralRequest { Referral = toFlag });

        // The centre loses the Standard accreditation supported contact needs: the referral is flagged (policy 1.2).
        await nct.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
        {
            Centre = failing.Name, Level = AccreditationLevel.Standard, Action = AccreditationAction.Suspend, Reason = "Safeguarding review",
        });
        await Referrals.WaitForFlagAsync(nct, flagged.Name);

        const string reason = "Centre suspended; the family is referred elsewhere";
        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Home(new ReferralsScreen(console.Main));
            console.WaitFor("2 referrals.");
            var screen = console.Screen;
            Assert.Contains("submitted", screen);
            Assert.Contains("ZE26C00123", screen);
            Assert.Contains("Riverside Child Contact", screen);
            Assert.Contains("FLAGGED", screen);
            Assert.DoesNotContain("Amelia", screen);                 // children are named on the detail only
            Assert.Contains("no deadline", Assert.IsType<ReferralsScreen>(console.Main.Current).Help);
            console.Press(Key.F1);
            console.WaitFor("Help — Referrals");
            console.Press(Key.Esc);
            console.WaitFor("2 referrals.");

            console.Press(Key.F2);
            console.WaitFor("1 referral, flagged only");
            Assert.Equal(flagged.Name, Assert.IsType<ReferralsScreen>(console.Main.Current).Referrals.Single().Name);
            Assert.Contains("ZE26C00456", console.Screen);
            Assert.DoesNotContain("ZE26C00123", console.Screen);

            console.Press(Key.Enter);
            console.WaitFor("History:");
            screen = console.Screen;
            Assert.IsType<ReferralDetailScreen>(console.Main.Current);
            Assert.Contains("Child: Amelia Stone, born 2019-03-14", screen);
            Assert.Contains("SUBMITTED", screen);
            Assert.Contains("FLAGGED", screen);
            Assert.Contains("submit: - -> submitted", screen);

            // No reason: not sent, and the field says why.
            console.Press(Key.F8);
            console.WaitFor("a cancellation needs its reason");
            Assert.IsType<ReferralDetailScreen>(console.Main.Current);

            console.Type(reason);
            console.Press(Key.F8);
            console.WaitFor("Cancel referral ZE26C00456 to Hilltop");
            Assert.IsType<ConfirmScreen>(console.Main.Current);
            console.Press(Key.Tab.WithShift);                          // from "Keep" to "Cancel referral"
            console.Press(Key.Enter);
            console.WaitFor("Cancelled: referral ZE26C00456 is now cancelled");
            Assert.Contains("CANCELLED", console.Screen);
            Assert.Contains("cancel: submitted -> cancelled", console.Screen);

            // Again: the server refuses, and says so in words on the screen.
            console.Type("twice");
            console.Press(Key.F8);
            console.WaitFor("Cancel referral ZE26C00456");
            console.Press(Key.Tab.WithShift);
            console.Press(Key.Enter);
            console.WaitFor("Refused");
            Assert.Contains("cannot be cancelled", console.Screen);
            Assert.DoesNotContain("Exception", console.Screen);

            console.Press(Key.Esc);                                    // "twice" is still typed: it asks first
            console.Confirm("lose what you typed");
            console.WaitFor("cancelled");
            Assert.IsType<ReferralsScreen>(console.Main.Current);

            // Awaiting the centre: the one still submitted; the cancelled one is not waiting.
            console.Press(Key.F2);
            console.WaitFor("2 referrals.");
            console.Press(Key.F4);
            console.WaitFor("1 awaiting the centre, oldest first.");
            Assert.Equal("ZE26C00123", Assert.IsType<ReferralsScreen>(console.Main.Current).Referrals.Single().CaseNumber);
            Assert.Contains("ZE26C00123", console.Screen);
            console.Press(Key.F3);
            console.WaitFor("0 accepted.");
        }

        var stored = await nct.Referrals.GetReferralAsync(new GetReferralRequest { Name = flagged.Name });
        Assert.Equal(ReferralStatus.Cancelled, stored.Status);
        var last = stored.History.Last();
        Assert.Equal((ReferralAction.Cancel, reason, Role.NctOperator), (last.Action, last.Note, last.ActorRole));
    }

    [Fact]
    public async Task The_sharing_list_and_a_request_follow_the_sharing_stream_without_a_keypress()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var naccc = await host.ClientAsync(Role.Naccc);
        var callCentre = await host.ClientAsync(Role.CallCentre);
        var caseSystem = await host.ClientAsync(Role.CaseSystem);
        await caseSystem.Cases.CreateCaseAsync(new CreateCaseRequest { Case = OpenCase("ZW26C00654", "Ada", "Lane", Dob(2019, 3, 3)) });
        using var console = new HeadlessConsole(nct);
        console.Main.Home(new SharingRequestsScreen(console.Main));
        console.WaitFor("0 requests.");

        var sent = HeadlessConsole.Block(() => Submit(naccc, "SRS-0777", "Ada", "Lane", Dob(2019, 3, 3)));
        console.WaitFor("1 request.");                       // only pumping the UI loop
        Assert.Contains("SRS-0777", console.Screen);
        Assert.Contains("call centre", console.Screen);

        console.Press(Key.Enter);
        console.WaitUntil(_ => console.Main.Current is SharingRequestDetailScreen { Request: not null }, "the request's screen");
        HeadlessConsole.Block(() => callCentre.InformationSharing.LookUpCaseAsync(new LookUpCaseRequest { Name = sent.Name }).ResponseAsync);
        console.WaitUntil(_ => ((SharingRequestDetailScreen)console.Main.Current!).Request?.State == SharingRequestState.WithFca, "the look-up to show");
        Assert.Equal("ZW26C00654", ((SharingRequestDetailScreen)console.Main.Current!).Request!.Cafcass.CaseNumber);   // Cafcass's side, as NCT lists it
    }

    [Fact]
    public async Task Sharing_requests_past_one_working_day_are_overdue_and_open_to_their_details_and_disclosures()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var naccc = await host.ClientAsync(Role.Naccc);
        var callCentre = await host.ClientAsync(Role.CallCentre);
        var caseSystem = await host.ClientAsync(Role.CaseSystem);
        await caseSystem.Cases.CreateCaseAsync(new CreateCaseRequest { Case = OpenCase("ZW26C00321", "Lea", "Moss", Dob(2019, 1, 1)) });

        // Tuesday 10:00 BST: one goes to the FCA (due in two working days), one waits for the call centre (due in one).
        var routed = await callCentre.InformationSharing.LookUpCaseAsync(new LookUpCaseRequest { Name = (await Submit(naccc, "SRS-0101", "Lea", "Moss", Dob(2019, 1, 1))).Name });
        Assert.Equal(SharingRequestState.WithFca, routed.SharingRequest.State);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await Submit(naccc, "SRS-0102", "Noor", "Waiting", Dob(2020, 5, 6));

        using (var console = new HeadlessConsole(nct))
        {
            console.Main.Home(new SharingRequestsScreen(console.Main));
            console.WaitFor("2 requests.");
            Assert.DoesNotContain("OVERDUE", console.Screen);
            console.Press(Key.F2);
            console.WaitFor("0 requests, overdue only");

            host.Clock.Advance(TimeSpan.FromDays(3));                   // to Friday 10:00 BST: past both
            console.Press(Key.F5);
            console.WaitFor("2 requests, overdue only");
            var screen = console.Screen;
            Assert.Equal(2, screen.Split("OVERDUE").Length - 1);
            Assert.Contains("SRS-0101", screen);
            Assert.Contains("with FCA", screen);
            Assert.Contains("call centre", screen);

            // Newest first: the one still with the call centre, no case matched.
            console.Press(Key.Enter);
            console.WaitFor("Cafcass notes");
            screen = console.Screen;
            Assert.Contains("CALL CENTRE", screen);
            Assert.Contains("OVERDUE", screen);
            Assert.Contains("Child: Noor Waiting, born 2020-05-06", screen);
            Assert.Contains("case: none matched", screen);
            console.Press(Key.F6);
            console.WaitFor("no disclosure statement");

            console.Press(Key.Esc);
            console.WaitFor("2 requests, overdue only");
            console.Press(Key.CursorDown, Key.Enter);
            console.WaitFor("Cafcass notes");
            screen = console.Screen;
            Assert.Contains("WITH FCA", screen);
            Assert.Contains("FCA contact given to NACCC: Alex Adviser", screen);
            Assert.Contains("case: ZW26C00321", screen);
            Assert.Contains("looked up by:", screen);

            console.Press(Key.F6);
            console.WaitFor("Disclosure statement — ZW26C00321");
            Assert.Contains("Alex Adviser", console.Screen);
            Assert.IsType<DisclosureStatementScreen>(console.Main.Current);

            console.Press(Key.Esc, Key.Esc);
            console.WaitFor("2 requests, overdue only");
            console.Press(Key.F3);
            console.WaitFor("1 \"call centre\", overdue only");
            Assert.Contains("SRS-0102", console.Screen);
            Assert.DoesNotContain("SRS-0101", console.Screen);
        }
    }

    internal static Google.Type.Date Dob(int y, int m, int d) => new() { Year = y, Month = m, Day = d };

    internal static Case OpenCase(string number, string given, string family, Google.Type.Date dob) => new()
    {
        CaseNumber = number,
        Children = { new CaseChild { GivenNames = given, FamilyName = family, DateOfBirth = dob, Postcode = "LS1 4AP" } },
        Status = CaseStatus.Open,
        OpenedDate = Dob(2025, 1, 10),
        AllocatedFca = new AllocatedFca { FcaId = "fca-alex", DisplayName = "Alex Adviser", Email = "alex.adviser@cafcass.example", Phone = "0300 456 4000" },
        RiskFlags = new RiskFlags(),
    };

    internal static Task<SharingRequest> Submit(ContactClient naccc, string reference, string given, string family, Google.Type.Date dob) =>
        naccc.InformationSharing.SubmitSharingRequestAsync(new SubmitSharingRequestRequest
        {
            SrsReference = reference,
            FamilyName = family,
            ParentWishingContact = "Pat Parent",
            Children = { new SharingChild { GivenNames = given, DateOfBirth = dob } },
            PartiesConsentedToChecks = true,
        }).ResponseAsync;
}
