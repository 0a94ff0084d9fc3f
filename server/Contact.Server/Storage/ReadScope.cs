using LiteDB;

namespace Contact.Server.Storage;

/// <summary>What a read may touch.</summary>
public sealed class ReadScope(LiteDatabase db) : Collections(db);
