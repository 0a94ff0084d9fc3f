using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;
using Contact.Server.Security;
using Contact.Server.Services;
using Contact.Server.Storage;
using Contact.Tests.Support;
using Grpc.Core;
using Grpc.Core.Testing;
using Microsoft.AspNetCore.Http;
using V1 = Contact.V1;

namespace Contact.Tests.Services;

/// <summary>The service class called directly with Grpc.Core.Testing's TestServerCallContext.</summary>
public class RegisterServiceTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private RegisterService _service = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _service = new RegisterService(_host.Get<RegisterIndex>(), _host.Get<RegisterRepository>(), _host.Get<PostcodeDirectory>(), new CentreViews(), _host.Clock);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ServerCallContext Context(string method)
    {
        var context = TestServerCallContext.Create(method, null, DateTime.UtcNow.AddMinutes(1), new Metadata(), CancellationToken.None,
            "127.0.0.1", null, null, _ => Task.CompletedTask, () => new WriteOptions(), _ => { });
        context.UserState["__HttpContext"] = new DefaultHttpContext();
        var nct = new Principal("test", "Test NCT", new HashSet<Role> { Role.NctOperator }, null, null);
        context.UserState["contact.caller"] = new Caller(nct, new CallAudit(nct, method));
        return context;
    }

    [Fact]
    public async Task Create_then_get_returns_the_stored_centre_with_an_etag()
    {
        var created = await _service.CreateCentre(new V1.CreateCentreRequest { Centre = Centres.Valid() }, Context("CreateCentre"));
        var got = await _service.GetCentre(new V1.GetCentreRequest { Name = created.Name }, Context("GetCentre"));
        Assert.Equal("Test Contact Centre", got.DisplayName);
        Assert.Equal(created.Etag, got.Etag);
        Assert.All(got.Accreditations, a => Assert.Equal(V1.AccreditationStatus.NotAccredited, a.Status));
    }

    [Fact]
    public async Task Unknown_centre_is_not_found()
    {
        var refused = await Assert.ThrowsAsync<RuleViolation>(() => _service.GetCentre(new V1.GetCentreRequest { Name = "centres/nosuchcentre1" }, Context("GetCentre")));
        Assert.Equal(RefusalKind.NotFound, refused.Kind);
    }

    [Fact]
    public async Task A_decision_with_a_future_date_is_refused_with_the_field()
    {
        var created = await _service.CreateCentre(new V1.CreateCentreRequest { Centre = Centres.Valid() }, Context("CreateCentre"));
        var future = DateOnly.FromDateTime(TestHost.Start.UtcDateTime).AddDays(5);
        var refused = await Assert.ThrowsAsync<RuleViolation>(() => _service.RecordAccreditationDecision(new V1.RecordAccreditationDecisionRequest
        {
            Centre = created.Name,
            Level = V1.AccreditationLevel.Standard,
            Action = V1.AccreditationAction.Grant,
            Reason = "panel",
            EffectiveDate = new Google.Type.Date { Year = future.Year, Month = future.Month, Day = future.Day },
        }, Context("RecordAccreditationDecision")));
        Assert.Contains(refused.Fields, f => f.Field == "effective_date");
    }
}
