using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;

namespace Contact.Tests.Integration;

/// <summary>Bad input gets the right code and field details, and changes nothing.</summary>
public class RegisterValidationTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync(demo: true);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private (int Centres, int Changes, int Audit) Counts() => _host.Get<ContactStore>().Read(s => (s.Centres.Count(), s.AccreditationChanges.Count(), s.Audit.Count()));

    [Theory]
    [InlineData("NG1 5H")]
    [InlineData("Q1 1AA")]
    [InlineData("not a postcode")]
    [InlineData("SW1A 1AK")]
    public async Task A_malformed_postcode_is_invalid_with_the_field(string postcode)
    {
        var client = await _host.ClientAsync(Role.Practitioner);
        var error = await Refusal.Expect(StatusCode.InvalidArgument, () => client.Register.FindNearestCentresAsync(new FindNearestCentresRequest { Postcode = postcode, ContactType = ContactType.Supported }));
        Assert.Contains(error.Fields, f => f.Field == "postcode");
        Assert.Equal("INVALID_REQUEST", error.Reason);
    }

    [Fact]
    public async Task A_well_formed_postcode_in_an_unknown_district_is_not_found()
    {
        var client = await _host.ClientAsync(Role.Practitioner);
        var error = await Refusal.Expect(StatusCode.NotFound, () => client.Register.FindNearestCentresAsync(new FindNearestCentresRequest { Postcode = "ZE2 9AA", ContactType = ContactType.Supported }));
        Assert.Equal("UNKNOWN_POSTCODE", error.Reason);
    }

    [Theory]
    [InlineData(91, 0)]
    [InlineData(-90.5, 0)]
    [InlineData(52, 181)]
    [InlineData(double.NaN, 0)]
    public async Task Out_of_range_coordinates_are_invalid(double lat, double lon)
    {
        var client = await _host.ClientAsync(Role.Practitioner);
        var error = await Refusal.Expect(StatusCode.InvalidArgument, () => client.Register.FindNearestCentresAsync(new FindNearestCentresRequest { Location = new GeoPoint { Latitude = lat, Longitude = lon }, ContactType = ContactType.Supported }));
        // NaN is caught by the range check every request passes, which names the coordinate itself.
        Assert.Contains(error.Fields, f => f.Field == "location" || f.Field.StartsWith("location.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_problem_of_a_lookup_is_listed_at_once()
    {
        var client = await _host.ClientAsync(Role.Practitioner);
        var error = await Refusal.Expect(StatusCode.InvalidArgument, () => client.Register.FindNearestCentresAsync(new FindNearestCentresRequest { Limit = -1, MaxDistanceKm = -5 }));
        Assert.Equal(new[] { "contact_type", "limit", "max_distance_km", "origin" }, error.Fields.Select(f => f.Field).Order());
    }

    [Fact]
    public async Task A_negative_page_size_or_a_forged_page_token_is_invalid()
    {
        var client = await _host.ClientAsync(Role.Practitioner);
        var error = await Refusal.Expect(StatusCode.InvalidArgument, () => client.Register.ListCentresAsync(new ListCentresRequest { PageSize = -1 }));
        Assert.Contains(error.Fields, f => f.Field == "page_size");
        error = await Refusal.Expect(StatusCode.InvalidArgument, () => client.Register.ListCentresAsync(new ListCentresRequest { PageToken = "bm9wZQ" }));
        Assert.Contains(error.Fields, f => f.Field == "page_token");
    }

    [Fact]
    public async Task Paging_visits_every_centre_once()
    {
        var client = await _host.ClientAsync(Role.Practitioner);
        var seen = new List<string>();
        var request = new ListCentresRequest { PageSize = 37 };
        ListCentresResponse page;
        do
        {
            page = await client.Register.ListCentresAsync(request);
            seen.AddRange(page.Centres.Select(c => c.Name));
            request.PageToken = page.NextPageToken;
        }
        while (page.NextPageToken != "");
        Assert.Equal(page.TotalSize, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Unknown_ids_are_not_found_and_malformed_names_invalid()
    {
        var client = await _host.ClientAsync(Role.Naccc);
        await Refusal.Expect(StatusCode.NotFound, () => client.Register.GetCentreAsync(new GetCentreRequest { Name = "centres/doesnotexist1" }));
        var before = Counts();
        await Refusal.Expect(StatusCode.NotFound, () => client.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
        {
            Centre = "centres/doesnotexist1", Level = AccreditationLevel.Standard, Action = AccreditationAction.Grant, Reason = "x",
        }));
        var error = await Refusal.Expect(StatusCode.InvalidArgument, () => client.Register.GetCentreAsync(new GetCentreRequest { Name = "centre/../x" }));
        Assert.Contains(error.Fields, f => f.Field == "name");
        Assert.Equal(before.Centres, Counts().Centres);
        Assert.Equal(before.Changes, Counts().Changes);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_changes_nothing()
    {
        var client = await _host.ClientAsync(Role.NctOperator);
        var created = await client.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid() });
        var first = created.Clone();
        first.DisplayName = "Renamed once";
        var updated = await client.Register.UpdateCentreAsync(new UpdateCentreRequest { Centre = first, UpdateMask = FieldMask.FromString("display_name") });
        Assert.NotEqual(created.Etag, updated.Etag);

        var stale = created.Clone();
        stale.DisplayName = "Renamed from a stale read";
        var error = await Refusal.Expect(StatusCode.Aborted, () => client.Register.UpdateCentreAsync(new UpdateCentreRequest { Centre = stale, UpdateMask = FieldMask.FromString("display_name") }));
        Assert.Equal("STALE_ETAG", error.Reason);
        Assert.Equal("Renamed once", (await client.Register.GetCentreAsync(new GetCentreRequest { Name = created.Name })).DisplayName);
    }

    [Fact]
    public async Task An_illegal_accreditation_decision_names_its_clause_and_records_nothing_MOU_2_1_1()
    {
        var client = await _host.ClientAsync(Role.Naccc);
        var created = await client.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid() });
        var before = Counts();
        var error = await Refusal.Expect(StatusCode.FailedPrecondition, () => client.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
        {
            Centre = created.Name, Level = AccreditationLevel.Enhanced, Action = AccreditationAction.Suspend, Reason = "standards",
        }));
        Assert.Equal("MOU 2.1.1", error.Clause);
        Assert.Equal("ILLEGAL_ACCREDITATION_TRANSITION", error.Reason);
        var after = Counts();
        Assert.Equal(before.Changes, after.Changes);
        Assert.Equal(created.Etag, (await client.Register.GetCentreAsync(new GetCentreRequest { Name = created.Name })).Etag);
    }

    [Fact]
    public async Task An_invalid_centre_lists_every_field_at_fault_and_stores_nothing()
    {
        var client = await _host.ClientAsync(Role.NctOperator);
        var bad = Centres.Valid();
        bad.DisplayName = "";
        bad.Address.Postcode = "XX";
        bad.ContactTypes.Clear();
        bad.WaitingTime.Weeks = 500;
        var before = Counts();
        var error = await Refusal.Expect(StatusCode.InvalidArgument, () => client.Register.CreateCentreAsync(new CreateCentreRequest { Centre = bad }));
        Assert.Superset(new HashSet<string> { "centre.display_name", "centre.address.postcode", "centre.contact_types", "centre.waiting_time.weeks" },
            error.Fields.Select(f => f.Field).ToHashSet());
        Assert.Equal(before.Centres, Counts().Centres);
    }

    [Fact]
    public async Task An_import_reports_each_row_and_stores_the_good_ones()
    {
        var client = await _host.ClientAsync(Role.NctOperator);
        var bad = Centres.Valid("Bad row");
        bad.Address.Postcode = "nope";
        var before = Counts();
        var dryRun = await client.Register.ImportCentresAsync(new ImportCentresRequest { Centres = { Centres.Valid("Good row"), bad }, ValidateOnly = true });
        Assert.Equal(1, dryRun.FailedCount);
        Assert.Equal(before.Centres, Counts().Centres);

        var result = await client.Register.ImportCentresAsync(new ImportCentresRequest { Centres = { Centres.Valid("Good row"), bad } });
        Assert.Equal(1, result.CreatedCount);
        Assert.Equal(1, result.FailedCount);
        Assert.NotEmpty(result.Results[0].Centre);
        Assert.Contains(result.Results[1].Errors, e => e.Contains("centres[1].address.postcode"));
        Assert.Equal(before.Centres + 1, Counts().Centres);
    }
}
