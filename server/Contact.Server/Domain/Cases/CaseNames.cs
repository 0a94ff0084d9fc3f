namespace Contact.Server.Domain.Cases;

public static class CaseNames
{
    public const string CasePrefix = "cases/";
    public const string RequestPrefix = "sharingRequests/";

    public static string Case(string id) => CasePrefix + id;
    public static string? CaseId(string? name) => Register.Names.IdOf(name, CasePrefix);
    public static string Request(string id) => RequestPrefix + id;
    public static string? RequestId(string? name) => Register.Names.IdOf(name, RequestPrefix);
}
