using Contact.Server.Domain.Register;

namespace Contact.Server.Domain.Concerns;

public static class ConcernNames
{
    public const string Prefix = "concerns/";
    public static string Of(string id) => Prefix + id;
    public static string? IdOf(string? name) => Names.IdOf(name, Prefix);
}
