using System.Net;
using System.Text;
using Contact.Server.Hosting;
using Contact.Tests.Support;
using Contact.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Contact.Tests.Integration;

/// <summary>Per-method request size limits: small by default, larger only for the bulk methods.</summary>
public class RequestLimitTests
{
    [Fact]
    public async Task A_2_MB_ListCentres_is_refused_RESOURCE_EXHAUSTED_and_the_server_still_answers()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.ClientAsync(Role.Practitioner);
        var huge = new ListCentresRequest { PageToken = new string('x', 2 * 1024 * 1024) };

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.Register.ListCentresAsync(huge).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("ListCentres takes at most 1,048,576", refused.Status.Detail);
        Assert.Equal("REQUEST_TOO_LARGE", refused.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);

        // Just over the limit is refused too; and the server answers the next call.
        var over = await Assert.ThrowsAsync<RpcException>(() =>
            client.Register.ListCentresAsync(new ListCentresRequest { PageToken = new string('y', 1024 * 1024) }).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, over.StatusCode);
        Assert.NotNull(await client.Register.ListCentresAsync(new ListCentresRequest { PageSize = 1 }));
    }

    [Fact]
    public async Task An_ImportCentres_of_5000_rows_over_the_default_limit_still_works()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var request = new ImportCentresRequest();
        for (var i = 0; i < 5_000; i++)
        {
            var centre = Centres.Valid($"Imported Centre {i:D4}");
            centre.Address.Lines.Add($"The Old School Rooms, behind the community library and the health centre, unit {i}");
            request.Centres.Add(centre);
        }
        Assert.True(request.CalculateSize() > new RequestLimitOptions().MaxRequestBytes, $"the import is {request.CalculateSize()} bytes");

        var imported = await nct.Register.ImportCentresAsync(request, deadline: DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(0, imported.FailedCount);
        Assert.Equal(5_000, imported.CreatedCount);
    }

    [Fact]
    public async Task The_json_face_answers_413_for_a_body_over_the_limit()
    {
        await using var host = await TestHost.StartAsync();
        using var http = host.Http(await host.KeyAsync(Role.Naccc));
        var body = "{\"request\":{\"notes\":\"" + new string('x', 2 * 1024 * 1024) + "\"}}";
        using var response = await http.PostAsync("/v1/sharingRequests", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public void Only_the_bulk_methods_take_more()
    {
        var limits = new RequestLimitOptions();
        Assert.Equal(limits.BulkRequestBytes, limits.LimitFor("/contact.v1.RegisterService/ImportCentres"));
        Assert.Equal(limits.BulkRequestBytes, limits.LimitFor("/contact.v1.CaseService/BatchUpsertCases"));
        Assert.Equal(limits.MaxRequestBytes, limits.LimitFor("/contact.v1.RegisterService/ListCentres"));
        Assert.Equal(limits.MaxRequestBytes, limits.LimitFor("/contact.v1.CaseService/UpsertCase"));
    }
}
