using Contact.Server.Domain.Register;

namespace Contact.Server.Domain.Referrals;

public static class ReferralNames
{
    public const string Prefix = "referrals/";
    public static string Of(string id) => Prefix + id;
    public static string? IdOf(string? name) => Names.IdOf(name, Prefix);
}
