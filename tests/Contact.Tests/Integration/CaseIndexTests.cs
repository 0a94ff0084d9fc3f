using System.Text;
using Contact.Client;
using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Contact.Tests.Integration.SafeReferralTests;

namespace Contact.Tests.Integration;

/// <summary>The case index through the SDK: validation, all-or-nothing batches, etags, who may read, encryption at rest.</summary>
public class CaseIndexTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private ContactClient _caseSystem = null!;

    public async Task InitializeAsync()
    {
        // No LiteDB file password, so that only the field encryption stands between the file and a reader.
        _host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Contact:Storage:Password"] = "" });
        _caseSystem = await _host.ClientAsync(Role.CaseSystem);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _host.DeleteData();
    }

    private static byte[] ReadShared(string path)
    {
        if (!File.Exists(path)) return [];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Childrens_names_dates_of_birth_and_addresses_are_not_in_the_file_in_clear()
    {
        var c = NewCase("ZW26C09999", "Zebedee-Quill", "Marchbanks-Oyelaran", D(2019, 10, 17));
        c.Children[0].AddressLines.Add("42 Wisteria Crescent");
        c.Parties.Add(new CaseParty { FullName = "Philippa Marchbanks", Role = "applicant mother" });
        await _caseSystem.Cases.CreateCaseAsync(new CreateCaseRequest { Case = c });
        var naccc = await _host.ClientAsync(Role.Naccc);
        await naccc.InformationSharing.SubmitSharingRequestAsync(new SubmitSharingRequestRequest
        {
            SrsReference = "SRS-X", FamilyName = "Marchbanks-Oyelaran", ParentWishingContact = "Philippa Marchbanks", PartiesConsentedToChecks = true,
            Children = { new SharingChild { GivenNames = "Zebedee-Quill", DateOfBirth = D(2019, 10, 17), AddressLines = { "42 Wisteria Crescent" } } },
        });
        var store = _host.Get<ContactStore>();
        await store.CheckpointAsync();

        var bytes = ReadShared(store.Path).Concat(ReadShared(Path.ChangeExtension(store.Path, null) + "-log.db")).ToArray();
        var text = Encoding.UTF8.GetString(bytes);
        // The positive control: the file is readable, so what is missing is missing because it is encrypted.
        Assert.Contains("ZW26C09999", text);
        foreach (var secret in new[] { "Zebedee", "Marchbanks", "marchbanks", "Oyelaran", "Wisteria", "2019-10-17", "Philippa" })
            Assert.DoesNotContain(secret, text);
    }

    [Fact]
    public async Task Invalid_cases_are_refused_with_their_fields_and_nothing_is_stored()
    {
        var early = NewCase("ZW04C00001", "Amy", "Smith", D(2003, 1, 1));
        early.OpenedDate = D(2004, 12, 31);
        early.AllocatedFca = null;
        var error = await Refusal.Expect(StatusCode.InvalidArgument, () => _caseSystem.Cases.CreateCaseAsync(new CreateCaseRequest { Case = early }).ResponseAsync);
        Assert.Contains(error.Fields, f => f.Field == "case.opened_date");
        Assert.Contains(error.Fields, f => f.Field == "case.allocated_fca");

        var batch = new BatchUpsertCasesRequest { Cases = { NewCase("ZW26C00100", "Amy", "Smith", D(2018, 1, 1)), NewCase("ZW26C00101", "", "Smith", D(2018, 1, 1)) } };
        var refused = await Refusal.Expect(StatusCode.InvalidArgument, () => _caseSystem.Cases.BatchUpsertCasesAsync(batch).ResponseAsync);
        Assert.Contains(refused.Fields, f => f.Field == "cases[1].children[0].given_names");
        // All or nothing: the valid row was not stored either.
        batch.Cases.RemoveAt(1);
        var stored = await _caseSystem.Cases.BatchUpsertCasesAsync(batch);
        Assert.Equal((1, 0), (stored.CreatedCount, stored.UpdatedCount));
        var again = await _caseSystem.Cases.BatchUpsertCasesAsync(batch);
        Assert.Equal((0, 1), (again.CreatedCount, again.UpdatedCount));
        Assert.Equal(stored.Cases[0].Name, again.Cases[0].Name);

        await Refusal.Expect(StatusCode.AlreadyExists, () => _caseSystem.Cases.CreateCaseAsync(new CreateCaseRequest { Case = NewCase("ZW26C00100", "B", "C", D(2018, 1, 1)) }).ResponseAsync);
    }

    [Fact]
    public async Task Updates_use_a_field_mask_and_an_etag_and_cases_close()
    {
        var created = await _caseSystem.Cases.CreateCaseAsync(new CreateCaseRequest { Case = NewCase("ZW26C00200", "Amy", "Smith", D(2018, 1, 1)) });
        var change = new Case { Name = created.Name, Etag = created.Etag, RiskFlags = new RiskFlags { CurrentRisk = true } };
        var updated = await _caseSystem.Cases.UpdateCaseAsync(new UpdateCaseRequest { Case = change, UpdateMask = new FieldMask { Paths = { "risk_flags" } } });
        Assert.True(updated.RiskFlags.CurrentRisk);
        Assert.Equal("Amy", updated.Children[0].GivenNames);
        await Refusal.Expect(StatusCode.Aborted, () => _caseSystem.Cases.UpdateCaseAsync(new UpdateCaseRequest { Case = change, UpdateMask = new FieldMask { Paths = { "risk_flags" } } }).ResponseAsync);
        await Refusal.Expect(StatusCode.InvalidArgument, () => _caseSystem.Cases.UpdateCaseAsync(new UpdateCaseRequest { Case = change, UpdateMask = new FieldMask { Paths = { "case_number" } } }).ResponseAsync);

        var closed = await _caseSystem.Cases.CloseCaseAsync(new CloseCaseRequest { Name = created.Name });
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(D(2026, 6, 2), closed.ClosedDate);
        await Refusal.Expect(StatusCode.FailedPrecondition, () => _caseSystem.Cases.CloseCaseAsync(new CloseCaseRequest { Name = created.Name }).ResponseAsync);
    }

    [Fact]
    public async Task Only_the_allocated_fca_reads_a_case_and_every_read_is_audited()
    {
        var created = await _caseSystem.Cases.CreateCaseAsync(new CreateCaseRequest { Case = NewCase("ZW26C00300", "Amy", "Smith", D(2018, 1, 1)) });
        var mine = await _host.ClientAsync(Role.Practitioner, fcaId: "fca-alex");
        var theirs = await _host.ClientAsync(Role.Practitioner, fcaId: "fca-other");
        Assert.Equal("Amy", (await mine.Cases.GetCaseAsync(new GetCaseRequest { Name = created.Name })).Children[0].GivenNames);
        await Refusal.Expect(StatusCode.NotFound, () => theirs.Cases.GetCaseAsync(new GetCaseRequest { Name = created.Name }).ResponseAsync);
        var callCentre = await _host.ClientAsync(Role.CallCentre);
        await Refusal.Expect(StatusCode.PermissionDenied, () => callCentre.Cases.GetCaseAsync(new GetCaseRequest { Name = created.Name }).ResponseAsync);

        var auditor = await _host.ClientAsync(Role.Auditor);
        var entries = await auditor.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { CaseNumber = "ZW26C00300" });
        Assert.Contains(entries.Entries, e => e.Method == "/contact.v1.CaseService/GetCase" && e.Outcome == AuditOutcome.Ok);
        Assert.Contains(entries.Entries, e => e.Method == "/contact.v1.CaseService/CreateCase");
    }
}
