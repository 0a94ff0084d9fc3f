namespace Contact.Server.Storage;

/// <summary>The store could not be opened (wrong or missing password, corrupt file).</summary>
public sealed class StoreOpenException(string message, Exception inner) : Exception(message, inner);
