using System.Reflection;
using System.Text.RegularExpressions;
using Contact.Server.Services;

namespace Contact.Tests.Architecture;

/// <summary>
/// Every domain enum and its contract enum (the pairs of <see cref="EnumPairTests"/>) are mapped in
/// one place, Services/EnumMapping.cs, both ways; nothing else in the server casts between them.
/// </summary>
public sealed class EnumMappingTests
{
    private const string Home = "EnumMapping.cs";

    [Theory]
    [MemberData(nameof(EnumPairTests.Pairs), MemberType = typeof(EnumPairTests))]
    public void Each_pair_maps_both_ways_in_enum_mapping(Type domain, Type contract)
    {
        Assert.True(Mapping("ToProto", domain) is { } toProto && toProto.ReturnType == contract, $"EnumMapping.ToProto(this {domain.Name}) returning {contract.Name} is missing");
        Assert.True(Mapping("ToDomain", contract) is { } toDomain && toDomain.ReturnType == domain, $"EnumMapping.ToDomain(this {contract.Name}) returning {domain.Name} is missing");
    }

    [Theory]
    [MemberData(nameof(EnumPairTests.Pairs), MemberType = typeof(EnumPairTests))]
    public void Each_pair_maps_every_member_to_its_twin_and_an_unknown_number_to_unspecified(Type domain, Type contract)
    {
        var toProto = Mapping("ToProto", domain)!;
        var toDomain = Mapping("ToDomain", contract)!;
        foreach (var value in Enum.GetValues(domain))
        {
            var proto = toProto.Invoke(null, [value])!;
            Assert.Equal(value.ToString(), proto.ToString());
            Assert.Equal(value, toDomain.Invoke(null, [proto]));
        }
        Assert.Equal(Enum.ToObject(domain, 0), toDomain.Invoke(null, [Enum.ToObject(contract, 9_999)]));
    }

    [Fact]
    public void No_server_code_but_enum_mapping_casts_between_a_domain_enum_and_its_contract_enum()
    {
        var root = Path.Combine(ServerProcess.RepoRoot(), "server", "Contact.Server");
        var casts = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (Path.GetFileName(file) == Home || relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                if (Casts(lines[i])) casts.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
        }
        Assert.True(casts.Count == 0, "Map through EnumMapping (ToProto/ToDomain) instead of casting:\n" + string.Join("\n", casts));
    }

    // The scan is only as good as its pattern: it must see the casts it is there to stop.
    [Theory]
    [InlineData("Status = (V1.ReferralStatus)r.Status,", true)]
    [InlineData("var s = (ReferralStatus)(int)request.Status;", true)]
    [InlineData(".Select(r => (V1.Role)r)", true)]
    [InlineData("State = (V1.SharingRequestState)(x ? a : b),", true)]
    [InlineData("Status = r.Status.ToProto(),", false)]
    [InlineData("if (status == ReferralStatus.Submitted) return (int)code;", false)]
    public void The_scan_sees_a_cast(string line, bool cast) => Assert.Equal(cast, Casts(line));

    private static bool Casts(string line) => Cast().IsMatch(line);

    private static MethodInfo? Mapping(string name, Type from) =>
        typeof(EnumMapping).GetMethod(name, BindingFlags.Public | BindingFlags.Static, [from]);

    // A cast to any enum of a pair, on either side: "(V1.Name)x", "(V1.Name)(…)" or "(Name)(int)…".
    private static readonly string Names = string.Join("|", EnumPairTests.Pairs
        .SelectMany(p => new[] { ((Type)p[0]).Name, "V1\\." + ((Type)p[1]).Name }).Distinct());

    private static readonly Regex CastPattern = new($@"\((?:{Names})\)\s*[\w(]");

    private static Regex Cast() => CastPattern;
}
