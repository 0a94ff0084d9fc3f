namespace Contact.Server.Finder;

/// <summary>A problem with one field of the search form, shown in the error summary and beside the field.</summary>
public sealed record FormError(string Field, string Message);
