using System.Diagnostics;
using Contact.Load;
using Contact.Testing;
using Contact.Server.Demo;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;
using Contact.Server.Hosting;
using Contact.Server.Security;
using Contact.Server.Services;
using Contact.Server.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Contact.Benchmarks;

/// <summary>
/// Benchmark-only seeding through the store, before the server process starts (LiteDB holds the
/// file exclusively): the demo register and keys, then synthetic centres accredited at both levels
/// up to the wanted size, imported in batches of 5,000 through RegisterRepository.ImportAsync -
/// the path ImportCentres takes - with the accreditation set directly instead of 2 decisions per
/// centre over gRPC (which would take hours for 100,000 on a shared 2-core machine).
/// </summary>
public static class Seeding
{
    private const int Batch = 5_000;

    public static async Task SeedAsync(string dataDirectory, int size, int seed)
    {
        var clock = Stopwatch.StartNew();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Contact:Storage:DataDirectory"] = dataDirectory,
            ["Contact:Demo"] = "true",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddContact(configuration);
        await using var provider = services.BuildServiceProvider();
        await ActivatorUtilities.CreateInstance<DemoData>(provider).EnsureLoadedAsync();

        var store = provider.GetRequiredService<ContactStore>();
        var repository = provider.GetRequiredService<RegisterRepository>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(seed);
        var existing = store.Read(s => s.Centres.Count());
        for (var done = existing; done < size;)
        {
            var rows = new List<(Centre, bool)>();
            for (var i = 0; i < Math.Min(Batch, size - done); i++)
            {
                var centre = Synthetic.Spread($"Bench {done + i}", random).ToDomain("centre", new Validation());
                centre.Accreditations =
                [
                    new AccreditationRecord { Level = AccreditationLevel.Standard, Status = AccreditationStatus.Accredited, GrantedDate = today.AddDays(-30), RenewalDue = today.AddYears(3) },
                    new AccreditationRecord { Level = AccreditationLevel.Enhanced, Status = AccreditationStatus.Accredited, GrantedDate = today.AddDays(-30), RenewalDue = today.AddYears(3) },
                ];
                rows.Add((centre, true));
            }
            await repository.ImportAsync(rows, CallAudit.System("benchmark-seed"));
            done += rows.Count;
        }
        Console.WriteLine($"  seeded {dataDirectory}: {existing} demo centres + {size - existing} synthetic accredited centres in {clock.Elapsed.TotalSeconds:F0} s");
    }
}
