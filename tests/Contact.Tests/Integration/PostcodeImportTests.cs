using System.Text;
using Contact.Server.Hosting;
using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;

namespace Contact.Tests.Integration;

/// <summary>The postcode directory: imported over gRPC, held in memory, kept in the store.</summary>
public class PostcodeImportTests
{
    private const string Onspd = """
        pcd,pcd2,pcds,dointr,doterm,oseast1m,osnrth1m,lat,long
        LS1  4AP,LS1  4AP,LS1 4AP,198001,,429900,433500,53.799000,-1.549000
        LS1  1AA,LS1  1AA,LS1 1AA,198001,,430000,433600,53.801000,-1.547000
        LS2  7HZ,LS2  7HZ,LS2 7HZ,198001,,429800,434100,53.805000,-1.552000
        LS2  9JT,LS2  9JT,LS2 9JT,198001,200012,429800,434100,53.806000,-1.553000
        NOTAPOSTCODE,,,198001,,0,0,53.0,-1.0
        """;

    private static async Task<ImportPostcodesResponse> ImportAsync(TestHost host, string csv)
    {
        var client = await host.ClientAsync(Role.NctOperator);
        using var call = client.Postcodes.ImportPostcodes();
        // Chunks that split lines (and a multi-byte character would be split too), as a real client's do.
        var bytes = Encoding.UTF8.GetBytes(csv);
        for (var at = 0; at < bytes.Length; at += 17)
            await call.RequestStream.WriteAsync(new ImportPostcodesRequest { CsvChunk = ByteString.CopyFrom(bytes, at, Math.Min(17, bytes.Length - at)) });
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    [Fact]
    public async Task An_import_is_counted_resolves_at_once_replaces_on_reimport_and_survives_a_restart()
    {
        var data = TestHost.NewDataDirectory();
        await using (var host = await TestHost.StartAsync(dataDirectory: data))
        {
            var result = await ImportAsync(host, Onspd);
            Assert.Equal(3, result.ImportedCount);
            Assert.Equal(1, result.TerminatedCount);
            Assert.Equal(1, result.FailedCount);
            Assert.Equal(2, result.DistrictsUpdated);
            Assert.Contains(result.Errors, e => e.StartsWith("line 6:"));

            var practitioner = await host.ClientAsync(Role.Practitioner);
            var found = await practitioner.Postcodes.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "ls14ap" });
            Assert.Equal("LS1 4AP", found.Postcode);
            Assert.False(found.DistrictCentroid);
            Assert.Equal(53.799, found.Location.Latitude, 6);
            // Terminated: not held, so placed at its district's centroid (the mean of LS2's one live postcode).
            var terminated = await practitioner.Postcodes.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "LS2 9JT" });
            Assert.True(terminated.DistrictCentroid);
            Assert.Equal(53.805, terminated.Location.Latitude, 6);
            var district = await practitioner.Postcodes.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "LS1" });
            Assert.Equal(53.8, district.Location.Latitude, 6);
            await Refusal.Expect(StatusCode.NotFound, () => practitioner.Postcodes.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "ZE2 9AA" }));

            // A second import moves a postcode and keeps the rest of its district.
            var moved = await ImportAsync(host, "pcds,doterm,lat,long\nLS1 4AP,,53.700000,-1.500000\n");
            Assert.Equal(1, moved.ImportedCount);
            found = await practitioner.Postcodes.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "LS1 4AP" });
            Assert.Equal(53.7, found.Location.Latitude, 6);
            Assert.Equal(3, host.Get<PostcodeDirectory>().Index.Count);
            district = await practitioner.Postcodes.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "LS1" });
            Assert.Equal(53.7505, district.Location.Latitude, 6);
        }

        await using (var reopened = await TestHost.StartAsync(dataDirectory: data))
        {
            var practitioner = await reopened.ClientAsync(Role.Practitioner);
            var found = await practitioner.Postcodes.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "LS1 4AP" });
            Assert.False(found.DistrictCentroid);
            Assert.Equal(53.7, found.Location.Latitude, 6);
            Assert.Equal(3, reopened.Get<PostcodeDirectory>().Index.Count);
            var district = await practitioner.Postcodes.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "LS2" });
            Assert.Equal(53.805, district.Location.Latitude, 6);
        }
    }

    [Fact]
    public async Task A_store_with_one_document_a_postcode_is_converted_on_start()
    {
        var data = TestHost.NewDataDirectory();
        await using (var host = await TestHost.StartAsync(dataDirectory: data))
        {
            // The layout stores had before the directory was packed by district.
            await host.Get<ContactStore>().WriteAsync(scope => scope.LegacyPostcodes.Insert(
                [new PostcodeEntry { Id = "NG1 5HJ", Latitude = 52.95, Longitude = -1.15 }, new PostcodeEntry { Id = "NG1 1AA", Latitude = 52.96, Longitude = -1.14 }]));
        }
        await using var reopened = await TestHost.StartAsync(dataDirectory: data);
        var directory = reopened.Get<PostcodeDirectory>();
        Assert.Equal(2, directory.Index.Count);
        Assert.Equal(PostcodeResolution.Postcode, directory.Resolve("NG1 5HJ", "postcode").How);
        Assert.Equal(0, reopened.Get<ContactStore>().Read(s => s.LegacyPostcodes.Count()));
    }

    [Fact]
    public async Task Health_answers_from_the_background_probe_and_turns_not_serving_when_the_store_fails()
    {
        await using var host = await TestHost.StartAsync();
        var health = new Health.HealthClient(host.Client(null).CallInvoker);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);

        host.Get<ContactStore>().Dispose();
        // Until the next probe the last result stands; the probe then records the failure.
        host.Get<StoreProbe>().Probe();
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
    }
}
