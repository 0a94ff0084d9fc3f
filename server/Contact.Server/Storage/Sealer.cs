using Json = System.Text.Json.JsonSerializer;
using Contact.Server.Domain.Cases;
using Contact.Server.Security;

namespace Contact.Server.Storage;

/// <summary>Seals values as encrypted JSON, and derives blind-index keys.</summary>
public sealed class Sealer(FieldProtector protector)
{
    public string Seal<T>(T value) => protector.Protect(Json.Serialize(value));
    public T Open<T>(string sealedValue) => Json.Deserialize<T>(protector.Unprotect(sealedValue))!;

    /// <summary>The keyed blind indexes a case-index child is stored under.</summary>
    public IEnumerable<string> RecordKeys(CaseChild child) =>
        ChildNames.RecordIndexKeys(child.FamilyName, child.DateOfBirth).Select(protector.BlindIndex);

    /// <summary>The keyed blind indexes to look a child up under (tolerant of a swapped day and month).</summary>
    public IEnumerable<string> QueryKeys(ChildIdentity child) =>
        ChildNames.QueryIndexKeys(child.FamilyName, child.DateOfBirth).Select(protector.BlindIndex);
}
