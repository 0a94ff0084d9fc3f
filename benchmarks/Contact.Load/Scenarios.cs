using Contact.Client;
using Contact.V1;

namespace Contact.Load;

/// <summary>
/// One kind of call a load run repeats. Scenarios are pluggable: add a class and register it in
/// <see cref="Scenarios.All"/> (referrals and information-sharing round trips belong here too).
/// </summary>
public interface IScenario
{
    string Name { get; }
    string Description { get; }
    /// <summary>Once before the run (find centres to update, keys to use...).</summary>
    Task PrepareAsync(LoadContext context) => Task.CompletedTask;
    /// <summary>One call (or one round trip). Throw RpcException on failure.</summary>
    Task RunOnceAsync(LoadContext context, Random random);
}

/// <summary>What a scenario may use: the target, one client per role (keys from the demo key file).</summary>
public sealed class LoadContext(string address, IReadOnlyDictionary<string, string> keys) : IDisposable
{
    private readonly Dictionary<string, ContactClient> _clients = [];

    public string Address { get; } = address;
    public IReadOnlyDictionary<string, string> Keys { get; } = keys;

    /// <summary>A client for a demo role ("practitioner", "naccc", "nct", ...), shared by all workers.</summary>
    public ContactClient As(string role)
    {
        lock (_clients)
        {
            if (!_clients.TryGetValue(role, out var client))
            {
                if (!Keys.TryGetValue(role, out var key)) throw new ArgumentException($"No key for role '{role}' (demo-keys.json or --key).");
                _clients[role] = client = new ContactClient(new ContactClientOptions { Address = new Uri(Address), ApiKey = key, MaxAttempts = 1 });
            }
            return client;
        }
    }

    private readonly List<double> _serverTimings = [];

    /// <summary>Records the handler time the server reported in its Server-Timing trailer (Contact:ServerTiming=true).</summary>
    public void RecordServerTiming(Grpc.Core.Metadata trailers)
    {
        var value = trailers.GetValue(ServerTimingTrailer);
        if (value is null) return;
        var at = value.IndexOf("dur=", StringComparison.Ordinal);
        if (at >= 0 && double.TryParse(value.AsSpan(at + 4), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ms))
            lock (_serverTimings) _serverTimings.Add(ms);
    }

    /// <summary>The handler times recorded since the last call, sorted; clears them.</summary>
    public double[] TakeServerTimings()
    {
        lock (_serverTimings)
        {
            var all = _serverTimings.ToArray();
            _serverTimings.Clear();
            Array.Sort(all);
            return all;
        }
    }

    public const string ServerTimingTrailer = "server-timing";

    public void Dispose()
    {
        foreach (var client in _clients.Values) client.Dispose();
    }
}

public static class Scenarios
{
    public static readonly IReadOnlyDictionary<string, IScenario> All = new IScenario[]
    {
        new Lookups(),
        new Writes(),
        new EmptyRpc(),
        new Mix("mix", "90% lookups, 10% durable writes", (new Lookups(), 9), (new Writes(), 1)),
        new WaitingTimeUpdates(),
        new Mix("steady", "90% lookups, 10% durable updates that do not grow the data (for soaks)", (new Lookups(), 9), (new WaitingTimeUpdates(), 1)),
    }.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public static IScenario Get(string name) => All.TryGetValue(name, out var s) ? s
        : throw new ArgumentException($"Unknown scenario '{name}'. Known: {string.Join(", ", All.Keys)}.");

    /// <summary>FindNearestCentres for supervised contact from a point near a random town.</summary>
    public sealed class Lookups : IScenario
    {
        public string Name => "lookups";
        public string Description => "FindNearestCentres (supervised, 50 km, 10 results) from a random point in England and Wales";
        public async Task RunOnceAsync(LoadContext context, Random random)
        {
            using var call = context.As("practitioner").Register.FindNearestCentresAsync(Request(random));
            await call.ResponseAsync;
            context.RecordServerTiming(call.GetTrailers());
        }

        public static FindNearestCentresRequest Request(Random random) => new()
        {
            Location = new GeoPoint { Latitude = 50.8 + random.NextDouble() * 3.8, Longitude = -3.5 + random.NextDouble() * 4.8 },
            ContactType = ContactType.Supervised,
            MaxDistanceKm = 50,
            Limit = 10,
        };
    }

    /// <summary>A durable write: CreateCentre (stands in for SubmitReferral until referrals land).</summary>
    public sealed class Writes : IScenario
    {
        public string Name => "writes";
        public string Description => "CreateCentre, acknowledged only once durable (group commit + fsync)";
        public Task RunOnceAsync(LoadContext context, Random random)
        {
            var salt = random.Next();
            return context.As("naccc").Register.CreateCentreAsync(new CreateCentreRequest { Centre = Synthetic.Centre($"Load {salt:x8}", salt) }).ResponseAsync;
        }
    }

    /// <summary>
    /// A durable write that leaves the register the same size: UpdateWaitingTime on one of the demo
    /// register's centres ("centres/demo0001" …). A soak that creates centres instead grows the
    /// in-memory register by design, so its memory could not be flat.
    /// </summary>
    public sealed class WaitingTimeUpdates : IScenario
    {
        public string Name => "updates";
        public string Description => "UpdateWaitingTime on an existing demo centre, acknowledged only once durable";
        public Task RunOnceAsync(LoadContext context, Random random) =>
            context.As("naccc").Register.UpdateWaitingTimeAsync(new UpdateWaitingTimeRequest
            {
                Centre = $"centres/demo{random.Next(1, 301):0000}",
                Weeks = random.Next(0, 20),
            }).ResponseAsync;
    }

    /// <summary>The cheapest authenticated call: the baseline the others are compared with.</summary>
    public sealed class EmptyRpc : IScenario
    {
        public string Name => "empty";
        public string Description => "GetCallerIdentity: same authentication and interceptors, no work";
        public Task RunOnceAsync(LoadContext context, Random random) =>
            context.As("practitioner").Access.GetCallerIdentityAsync(new GetCallerIdentityRequest()).ResponseAsync;
    }

    /// <summary>Weighted mix of other scenarios.</summary>
    public sealed class Mix(string name, string description, params (IScenario Scenario, int Weight)[] parts) : IScenario
    {
        private readonly int _total = parts.Sum(p => p.Weight);
        public string Name => name;
        public string Description => description;
        public async Task PrepareAsync(LoadContext context)
        {
            foreach (var (scenario, _) in parts) await scenario.PrepareAsync(context);
        }
        public Task RunOnceAsync(LoadContext context, Random random)
        {
            var pick = random.Next(_total);
            foreach (var (scenario, weight) in parts)
            {
                if (pick < weight) return scenario.RunOnceAsync(context, random);
                pick -= weight;
            }
            throw new InvalidOperationException("unreachable");
        }
    }
}
