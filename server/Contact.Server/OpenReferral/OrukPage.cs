namespace Contact.Server.OpenReferral;

/// <summary>ORUK 3.0's Page object with its <c>contents</c>.</summary>
public sealed record OrukPage<T>(
    int TotalItems,
    int TotalPages,
    int PageNumber,
    int Size,
    bool FirstPage,
    bool LastPage,
    bool Empty,
    IReadOnlyList<T> Contents);
