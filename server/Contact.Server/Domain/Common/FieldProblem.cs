namespace Contact.Server.Domain.Common;

/// <summary>One problem with one request field, named by its proto path (e.g. "centre.address.postcode").</summary>
public sealed record FieldProblem(string Field, string Description);
