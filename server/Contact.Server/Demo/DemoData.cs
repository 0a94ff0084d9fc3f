using System.Reflection;
using System.Text.Json;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Postcodes;
using Contact.Server.Domain.Register;
using Contact.Server.Hosting;
using Contact.Server.Security;
using Contact.Server.Storage;

namespace Contact.Server.Demo;

/// <summary>
/// The synthetic demonstration register: a few hundred made-up centres in real towns of England and
/// Wales (towns.csv: real town-centre coordinates and postcode districts), with mixed settings,
/// contact types, accreditation statuses and waiting times. Every centre is marked demo and every
/// organisation name ends "(demo)". Generated from a fixed seed, relative to today, once per store.
/// Demo mode also issues one API key per role into demo-keys.json in the data directory.
/// </summary>
public sealed class DemoData(ContactStore store, RegisterRepository register, PostcodeDirectory postcodes,
    Credentials credentials, AuditTrail trail, ContactOptions options, TimeProvider time, ILogger<DemoData> log)
{
    private const string LoadedFlag = "demo-register-loaded";
    public const string KeysFileName = "demo-keys.json";
    private static readonly string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    public sealed record Town(string Name, string Region, string District, double Latitude, double Longitude);

    public async Task EnsureLoadedAsync()
    {
        if (store.Setting(LoadedFlag) is null)
        {
            var towns = LoadTowns();
            var (centres, changes) = Generate(towns, UkClock.Today(time), time.GetUtcNow());
            await postcodes.StoreDistrictsAsync(towns.Select(t => new PostcodeEntry { Id = t.District, Latitude = t.Latitude, Longitude = t.Longitude, Count = 1 }));
            await postcodes.AddAsync(centres.Select(c => (Postcode.Parse(c.Postcode), new GeoPoint(c.Latitude, c.Longitude))));
            await register.LoadAsync(centres, changes.OrderBy(c => c.EffectiveDate).ThenBy(c => c.Recorded), LoadedFlag,
                CallAudit.System("demo-register-load"), $"{centres.Count} demo centres");
            register.LoadIndex();
            log.LogInformation("Loaded the demo register: {Count} synthetic centres in {Towns} towns.", centres.Count, towns.Count);
        }
        await EnsureKeysAsync();
    }

    /// <summary>One key per role, written once to demo-keys.json (re-issued if that file is removed).</summary>
    private async Task EnsureKeysAsync()
    {
        var file = Path.Combine(options.Storage.DataDirectory, KeysFileName);
        if (File.Exists(file))
        {
            log.LogInformation("Demo API keys are in {File}.", file);
            return;
        }
        var centre = register.AnyDemoCentre();
        var keys = new Dictionary<string, string>();
        async Task Issue(string label, Role role, string? fca = null, string? centreId = null)
        {
            var issued = await credentials.IssueAsync($"Demo {label}", [role], fca, centreId, Credentials.MaxValidDays, Principal.System, CallAudit.System("demo-keys"), trail);
            keys[label] = issued.Secret;
        }
        await Issue("nct", Role.NctOperator);
        await Issue("naccc", Role.Naccc);
        await Issue("practitioner", Role.Practitioner, fca: "fca-demo-1");
        await Issue("call-centre", Role.CallCentre);
        if (centre is not null) await Issue("contact-centre", Role.ContactCentre, centreId: centre.Id);
        await Issue("case-system", Role.CaseSystem);
        await Issue("auditor", Role.Auditor);
        Directory.CreateDirectory(options.Storage.DataDirectory);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(keys, new JsonSerializerOptions { WriteIndented = true }));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        log.LogWarning("Issued demo API keys, one per role, into {File}. They are for trying the demo only.", file);
    }

    public static IReadOnlyList<Town> LoadTowns()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Contact.Server.Demo.towns.csv")
            ?? throw new InvalidOperationException("The demo towns are missing from the build.");
        using var reader = new StreamReader(stream);
        var towns = new List<Town>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            towns.Add(new Town(f[0], f[1], f[2], double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture)));
        }
        return towns;
    }

    /// <summary>Generates the register from a fixed seed; dates are relative to <paramref name="today"/>.</summary>
    public static (List<Centre> Centres, List<AccreditationChange> Changes) Generate(IReadOnlyList<Town> towns, DateOnly today, DateTimeOffset now, int seed = 2018)
    {
        var random = new Random(seed);
        var centres = new List<Centre>();
        var changes = new List<AccreditationChange>();
        var usedPostcodes = new HashSet<string>();
        string[] groups = ["Family Bridges (demo)", "Safe Steps Contact Services (demo)", "Together Contact Trust (demo)"];
        int serial = 0;

        foreach (var town in towns)
        {
            var count = 1 + (random.NextDouble() < 0.45 ? 1 : 0) + (town.Region == "London" && random.NextDouble() < 0.3 ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                serial++;
                var community = random.NextDouble() < 0.22;
                var types = new List<ContactKind>();
                if (community)
                {
                    types.Add(ContactKind.Supervised);
                    if (random.NextDouble() < 0.3) types.Add(ContactKind.Handover);
                }
                else
                {
                    if (random.NextDouble() < 0.88) types.Add(ContactKind.Supported);
                    if (random.NextDouble() < 0.38 || types.Count == 0) types.Add(ContactKind.Supervised);
                    if (random.NextDouble() < 0.6) types.Add(ContactKind.Handover);
                    if (random.NextDouble() < 0.35) types.Add(ContactKind.Indirect);
                }
                types.Sort();
                var organisation = random.NextDouble() < 0.25 ? groups[random.Next(groups.Length)] : $"{town.Name} Family Support (demo)";
                string postcode;
                do postcode = $"{town.District} {random.Next(1, 10)}{InwardLetters[random.Next(InwardLetters.Length)]}{InwardLetters[random.Next(InwardLetters.Length)]}";
                while (!usedPostcodes.Add(postcode));

                var centre = new Centre
                {
                    Id = $"demo{serial:0000}",
                    DisplayName = community
                        ? $"{town.Name} {(i == 0 ? "Supervised" : "Community")} Contact Service"
                        : $"{town.Name} {(i == 0 ? "Child" : i == 1 ? "Family" : "Riverside")} Contact Centre",
                    OrganisationName = organisation,
                    CharityNumber = $"DEMO-{100000 + serial * 37 % 900000}",
                    Setting = community ? Setting.Community : Setting.CentreBased,
                    ContactTypes = types,
                    AddressLines = [$"{random.Next(1, 120)} {Streets[random.Next(Streets.Length)]}"],
                    Town = town.Name,
                    Postcode = postcode,
                    Latitude = Math.Round(town.Latitude + (random.NextDouble() - 0.5) * 0.04, 5),
                    Longitude = Math.Round(town.Longitude + (random.NextDouble() - 0.5) * 0.06, 5),
                    Region = town.Region,
                    OpeningSessions = Sessions(random),
                    Phone = $"01632 {random.Next(100000, 999999)}", // Ofcom's drama range: never a real number
                    Email = $"contact{serial}@example.org",
                    WaitingWeeks = random.Next(0, 17),
                    WaitingConfirmed = today.AddDays(-random.Next(0, 60)),
                    Demo = true,
                    Created = now,
                    Updated = now,
                    Version = 1,
                };
                if (types.Any(t => t != ContactKind.Supervised)) Accredit(centre, AccreditationLevel.Standard, random, today, now, changes);
                if (types.Contains(ContactKind.Supervised))
                {
                    Accredit(centre, AccreditationLevel.Enhanced, random, today, now, changes);
                    if (random.NextDouble() < 0.7)
                    {
                        centre.ContractReference = $"NCT-DEMO-{serial:0000}";
                        centre.CommissionStart = today.AddDays(-random.Next(30, 400));
                        centre.CommissionEnd = today.AddDays(random.Next(200, 900));
                    }
                }
                centres.Add(centre);
            }
        }
        return (centres, changes);
    }

    private static void Accredit(Centre centre, AccreditationLevel level, Random random, DateOnly today, DateTimeOffset now, List<AccreditationChange> changes)
    {
        var roll = random.NextDouble();
        var reason = "Demo: NACCC accreditation panel decision";
        void Do(AccreditationAction action, DateOnly day, DateOnly? renewal = null) =>
            changes.AddRange(AccreditationRules.Apply(centre, level, action, day, renewal, reason, "NACCC (demo)", now, day));

        if (roll < 0.05) { Do(AccreditationAction.Apply, today.AddDays(-random.Next(10, 120))); return; }
        if (roll < 0.11)
        {
            // Granted long enough ago that its renewal date has passed: the lapse job records it.
            var granted = today.AddDays(-(3 * 365 + random.Next(10, 200)));
            Do(AccreditationAction.Grant, granted);
            changes.AddRange(AccreditationRules.RecordDueLapses(centre, now, today, level));
            return;
        }
        var grantedOn = today.AddDays(-random.Next(20, 3 * 365 - 20));
        Do(AccreditationAction.Grant, grantedOn);
        if (roll < 0.17) Do(AccreditationAction.Suspend, grantedOn.AddDays(random.Next(1, Math.Max(2, today.DayNumber - grantedOn.DayNumber))));
        else if (roll < 0.21) Do(AccreditationAction.Withdraw, grantedOn.AddDays(random.Next(1, Math.Max(2, today.DayNumber - grantedOn.DayNumber))));
    }

    private static List<OpeningSession> Sessions(Random random)
    {
        var sessions = new List<OpeningSession> { new(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(13, 0)) };
        if (random.NextDouble() < 0.4) sessions.Add(new(DayOfWeek.Sunday, new TimeOnly(13, 0), new TimeOnly(16, 0)));
        if (random.NextDouble() < 0.5) sessions.Insert(0, new((DayOfWeek)random.Next(1, 6), new TimeOnly(16, 0), new TimeOnly(19, 0)));
        return sessions;
    }

    private static readonly string[] Streets = ["High Street", "Church Road", "Station Road", "Park Lane", "Victoria Road", "Mill Lane", "School Lane", "Market Place", "Queen Street", "King Street"];
}
