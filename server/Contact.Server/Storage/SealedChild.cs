namespace Contact.Server.Storage;

/// <summary>A child's name and date of birth, each encrypted.</summary>
public sealed class SealedChild
{
    public string GivenNames { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public string BirthDate { get; set; } = "";
}
