namespace Contact.Server.Hosting;

/// <summary>What the server process returns, for operators' scripts.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Refused or failed: a key exists already, the key or server is missing, the backup does not check.</summary>
    public const int Failed = 1;
    /// <summary>The command line is wrong: unknown command or option, missing operand.</summary>
    public const int Usage = 2;
    /// <summary>The audit chain does not verify (edited, deleted entries).</summary>
    public const int AuditBroken = 3;
    /// <summary>The store file is damaged or is not a Contact store.</summary>
    public const int StoreDamaged = 4;
}
