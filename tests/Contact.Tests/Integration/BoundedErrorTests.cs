using Contact.Server.Services;
using Contact.Tests.Support;
using Contact.V1;
using Grpc.Core;

namespace Contact.Tests.Integration;

/// <summary>Refusals stay small whatever the request: at most 20 field violations, a bounded message, under 4 KB of metadata.</summary>
public class BoundedErrorTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(1_000)]
    public async Task A_case_with_many_nameless_children_is_refused_in_under_4_KB_with_a_count_of_what_was_left_out(int children)
    {
        await using var host = await TestHost.StartAsync();
        var caseSystem = await host.ClientAsync(Role.CaseSystem);
        var c = SafeReferralTests.NewCase("ZW26C07001", "Ann", "Many", new Google.Type.Date { Year = 2019, Month = 1, Day = 1 });
        c.Children.Clear();
        for (var i = 0; i < children; i++) c.Children.Add(new CaseChild());

        var refused = await Assert.ThrowsAsync<RpcException>(() => caseSystem.Cases.CreateCaseAsync(new CreateCaseRequest { Case = c }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var metadataBytes = refused.Trailers.Sum(e => e.Key.Length + (e.IsBinary ? (e.ValueBytes.Length + 2) / 3 * 4 : e.Value.Length))
            + System.Text.Encoding.UTF8.GetByteCount(Uri.EscapeDataString(refused.Status.Detail));
        Assert.True(metadataBytes < 4096, $"{metadataBytes} bytes of error metadata");
        Assert.True(refused.Status.Detail.Length <= ErrorMapper.MaxMessageLength);

        var status = refused.GetRpcStatus()!;
        var violations = status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations;
        Assert.InRange(violations.Count, 1, ErrorMapper.MaxFieldViolations);
        var info = status.GetDetail<Google.Rpc.ErrorInfo>()!;
        if (children > ErrorMapper.MaxFieldViolations)
        {
            Assert.True(int.Parse(info.Metadata["omitted_violations"]) > 0);
            Assert.Contains("more problem", refused.Status.Detail);
        }
        // The server answers on.
        Assert.NotNull(await caseSystem.Cases.CreateCaseAsync(new CreateCaseRequest { Case = SafeReferralTests.NewCase("ZW26C07002", "Ann", "Fine", new Google.Type.Date { Year = 2019, Month = 1, Day = 1 }) }));
    }
}
