using System.Diagnostics;
using Contact.Client;
using Contact.Load;
using Contact.V1;

namespace Contact.Benchmarks;

/// <summary>Grows the register to a size with synthetic centres, every one accredited for both levels.</summary>
public static class Seeding
{
    private const int ImportBatch = 5_000;

    public static async Task<int> CountAsync(ContactClient client) =>
        (await client.Register.ListCentresAsync(new ListCentresRequest { PageSize = 1 })).TotalSize;

    public static async Task GrowToAsync(ContactClient naccc, int size, int seed, int concurrency = 64)
    {
        var clock = Stopwatch.StartNew();
        var existing = await CountAsync(naccc);
        var random = new Random(seed);
        var created = new List<string>();
        for (var done = existing; done < size;)
        {
            var batch = Math.Min(ImportBatch, size - done);
            var request = new ImportCentresRequest();
            for (var i = 0; i < batch; i++) request.Centres.Add(Synthetic.Spread($"Bench {done + i}", random));
            var response = await naccc.Register.ImportCentresAsync(request, deadline: DateTime.UtcNow.AddMinutes(5));
            var failed = response.Results.Where(r => r.Errors.Count > 0).ToList();
            if (failed.Count > 0) throw new InvalidOperationException($"Import refused {failed.Count} rows, e.g. {string.Join("; ", failed[0].Errors)}");
            created.AddRange(response.Results.Select(r => r.Centre));
            done += batch;
        }

        // Accredit them (both levels), many decisions in flight so that they share group commits.
        var today = DateTime.UtcNow;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < created.Count; i = Interlocked.Increment(ref next))
                foreach (var level in new[] { AccreditationLevel.Standard, AccreditationLevel.Enhanced })
                    await naccc.Register.RecordAccreditationDecisionAsync(new RecordAccreditationDecisionRequest
                    {
                        Centre = created[i], Level = level, Action = AccreditationAction.Grant, Reason = "Synthetic benchmark register",
                        EffectiveDate = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day },
                    });
        })));
        Console.WriteLine($"  seeded {created.Count} centres ({created.Count * 2} accreditation decisions) in {clock.Elapsed.TotalSeconds:F0} s; register now {await CountAsync(naccc)}");
    }
}
