namespace Contact.Server.Finder;

/// <summary>A sentence quoted word for word from the policy or the MOU, with the clause it comes from.</summary>
public sealed record Quote(string Clause, string Source, string Text);
