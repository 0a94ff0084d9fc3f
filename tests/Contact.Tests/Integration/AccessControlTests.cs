using Contact.Tests.Support;
using AccessPolicy = Contact.Server.Security.AccessPolicy;
using Contact.V1;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Contact.Tests.Integration;

public class AccessControlTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();
    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Every RPC of every contact.v1 service, from the contracts assembly.</summary>
    public static IEnumerable<string> AllMethods() =>
        typeof(RegisterService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(ServiceDescriptor))
            .SelectMany(p => ((ServiceDescriptor)p!.GetValue(null)!).Methods)
            .Select(m => $"/{m.Service.FullName}/{m.Name}")
            .Distinct()
            .Order();

    [Fact]
    public void Every_rpc_declares_who_may_call_it()
    {
        var methods = AllMethods().ToList();
        Assert.NotEmpty(methods);
        var missing = methods.Where(m => AccessPolicy.For(m) is null).ToList();
        Assert.True(missing.Count == 0, "RPCs without an access policy (deny by default): " + string.Join(", ", missing));
    }

    [Fact]
    public async Task No_credential_is_unauthenticated()
    {
        var anonymous = _host.Client(null);
        var error = await Refusal.Expect(StatusCode.Unauthenticated, () => anonymous.Register.ListCentresAsync(new ListCentresRequest()));
        Assert.Equal("UNAUTHENTICATED", error.Reason);
        await Refusal.Expect(StatusCode.Unauthenticated, () => _host.Client("ck_aaaaaaaaaaaaa_" + new string('x', 43)).Register.ListCentresAsync(new ListCentresRequest()));
    }

    [Fact]
    public async Task A_role_without_the_right_is_denied_and_the_attempt_audited()
    {
        var practitioner = await _host.ClientAsync(Role.Practitioner);
        await Refusal.Expect(StatusCode.PermissionDenied, () => practitioner.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid() }));
        await Refusal.Expect(StatusCode.PermissionDenied, () => practitioner.Access.IssueApiKeyAsync(new IssueApiKeyRequest { DisplayName = "me", Roles = { Role.NctOperator } }));

        var auditor = await _host.ClientAsync(Role.Auditor);
        var entries = await auditor.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest());
        Assert.Contains(entries.Entries, e => e.Method == "/contact.v1.AccessService/IssueApiKey" && e.Outcome == AuditOutcome.Denied);
    }

    [Fact]
    public async Task Health_and_reflection_need_no_key()
    {
        var anonymous = _host.Client(null);
        var health = new Grpc.Health.V1.Health.HealthClient(anonymous.CallInvoker);
        var status = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest());
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, status.Status);
    }

    [Fact]
    public async Task A_revoked_or_expired_key_is_refused_at_once()
    {
        var nct = await _host.ClientAsync(Role.NctOperator);
        var issued = await nct.Access.IssueApiKeyAsync(new IssueApiKeyRequest { DisplayName = "NACCC SRS", Roles = { Role.Naccc }, ValidDays = 10 });
        var naccc = _host.Client(issued.Secret);
        Assert.Contains(Role.Naccc, (await naccc.Access.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Roles);

        await nct.Access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = issued.ApiKey.Name });
        await Refusal.Expect(StatusCode.Unauthenticated, () => naccc.Access.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        var expiring = await nct.Access.IssueApiKeyAsync(new IssueApiKeyRequest { DisplayName = "Short", Roles = { Role.Auditor }, ValidDays = 1 });
        var shortLived = _host.Client(expiring.Secret);
        await shortLived.Access.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        _host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        await Refusal.Expect(StatusCode.Unauthenticated, () => shortLived.Access.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
    }

    [Theory]
    [InlineData(Role.NctOperator)]
    [InlineData(Role.Practitioner)]
    [InlineData(Role.CallCentre)]
    [InlineData(Role.CaseSystem)]
    public async Task A_key_holding_naccc_and_a_cafcass_role_is_refused_under_mou_2_3_3_and_not_stored(Role cafcass)
    {
        var nct = await _host.ClientAsync(Role.NctOperator);
        var request = new IssueApiKeyRequest { DisplayName = "NACCC and Cafcass", Roles = { Role.Naccc, cafcass }, ValidDays = 10 };
        if (cafcass == Role.Practitioner) request.FcaId = "fca-both";
        var before = (await nct.Access.ListApiKeysAsync(new ListApiKeysRequest { PageSize = 500, ShowInactive = true })).ApiKeys.Count;

        var error = await Refusal.Expect(StatusCode.InvalidArgument, () => nct.Access.IssueApiKeyAsync(request));
        Assert.Equal("MOU 2.3.3", error.Clause);
        Assert.Contains(error.Fields, f => f.Field == "roles");

        var keys = (await nct.Access.ListApiKeysAsync(new ListApiKeysRequest { PageSize = 500, ShowInactive = true })).ApiKeys;
        Assert.Equal(before, keys.Count);
        Assert.DoesNotContain(keys, k => k.DisplayName == "NACCC and Cafcass");
    }

    [Fact]
    public async Task A_centre_updates_only_its_own_waiting_time()
    {
        var nct = await _host.ClientAsync(Role.NctOperator);
        var mine = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Mine") });
        var theirs = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Theirs") });
        var centre = await _host.ClientAsync(Role.ContactCentre, centreId: mine.Name["centres/".Length..]);

        var updated = await centre.Register.UpdateWaitingTimeAsync(new UpdateWaitingTimeRequest { Centre = mine.Name, Weeks = 7 });
        Assert.Equal(7, updated.WaitingTime.Weeks);
        await Refusal.Expect(StatusCode.PermissionDenied, () => centre.Register.UpdateWaitingTimeAsync(new UpdateWaitingTimeRequest { Centre = theirs.Name, Weeks = 1 }));
        await Refusal.Expect(StatusCode.PermissionDenied, () => centre.Register.UpdateWaitingTimeAsync(new UpdateWaitingTimeRequest { Centre = "centres/doesnotexist1", Weeks = 1 }));
    }

    [Fact]
    public async Task Writes_are_audited_in_an_intact_chain()
    {
        var nct = await _host.ClientAsync(Role.NctOperator);
        var created = await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid() });
        var entries = await nct.Audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = created.Name });
        var entry = Assert.Single(entries.Entries);
        Assert.Equal("/contact.v1.RegisterService/CreateCentre", entry.Method);
        Assert.Equal(AuditOutcome.Ok, entry.Outcome);
        Assert.True((await nct.Audit.VerifyAuditChainAsync(new VerifyAuditChainRequest())).Intact);
    }
}
