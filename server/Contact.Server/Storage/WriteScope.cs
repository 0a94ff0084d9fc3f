using LiteDB;

namespace Contact.Server.Storage;

/// <summary>What a write may touch: the collections, inside the current transaction.</summary>
public sealed class WriteScope(LiteDatabase db) : Collections(db)
{
    private List<Action>? _committed;

    internal bool Checkpoint { get; set; }
    internal string? BackupTo { get; set; }

    /// <summary>Keeps a named value in the store, in this write.</summary>
    public void PutSetting(string id, string value) => Settings.Upsert(new StoreSetting { Id = id, Value = value });

    /// <summary>Runs after the transaction is durable, on the writer thread, in commit order.</summary>
    public void OnCommitted(Action action) => (_committed ??= []).Add(action);

    internal void RunCommitted()
    {
        if (_committed is null) return;
        foreach (var action in _committed) action();
    }
}
