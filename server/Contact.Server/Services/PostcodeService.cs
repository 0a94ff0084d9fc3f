using System.IO.Pipelines;
using System.Text;
using Contact.Server.Domain.Postcodes;
using Contact.Server.Security;
using Contact.Server.Storage;
using Grpc.Core;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>The postcode table over gRPC.</summary>
public sealed class PostcodeService(PostcodeDirectory directory, AuditTrail trail) : V1.PostcodeService.PostcodeServiceBase
{
    public override async Task<V1.ImportPostcodesResponse> ImportPostcodes(IAsyncStreamReader<V1.ImportPostcodesRequest> requestStream, ServerCallContext context)
    {
        // The chunks are piped into a text reader so the CSV is parsed as it streams in.
        var pipe = new Pipe();
        var pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var chunk in requestStream.ReadAllAsync(context.CancellationToken))
                    await pipe.Writer.WriteAsync(chunk.CsvChunk.Memory, context.CancellationToken);
                await pipe.Writer.CompleteAsync();
            }
            catch (Exception ex) { await pipe.Writer.CompleteAsync(ex); }
        });
        var caller = context.Caller();
        using var reader = new StreamReader(pipe.Reader.AsStream(), Encoding.UTF8);
        var result = await Task.Run(() => directory.ImportAsync(PostcodeCsv.Read(reader), scope =>
        {
            trail.RecordIn(scope, caller.Audit);
            return "";
        }));
        await pump;
        var response = new V1.ImportPostcodesResponse
        {
            ImportedCount = result.Imported,
            TerminatedCount = result.Terminated,
            FailedCount = result.Failed,
            DistrictsUpdated = result.DistrictsUpdated,
        };
        response.Errors.AddRange(result.Errors);
        return response;
    }

    public override Task<V1.LookupPostcodeResponse> LookupPostcode(V1.LookupPostcodeRequest request, ServerCallContext context)
    {
        var (normalised, point, how) = directory.Resolve(request.Postcode, "postcode");
        return Task.FromResult(new V1.LookupPostcodeResponse
        {
            Postcode = normalised,
            Location = new V1.GeoPoint { Latitude = point.Latitude, Longitude = point.Longitude },
            DistrictCentroid = how == PostcodeResolution.DistrictCentroid,
        });
    }
}
