using Contact.Server.Domain.Register;
using Contact.Server.Security;
using LiteDB;

namespace Contact.Server.Storage;

/// <summary>
/// The collections and their indexes, in one place. The register itself is queried from the
/// in-memory <see cref="Domain.Register.RegisterIndex"/> (its spatial grid is the index for
/// nearest-centre searches), so LiteDB indexes serve only the paths that read from the file.
/// </summary>
public abstract class Collections(LiteDatabase db)
{
    protected LiteDatabase Db { get; } = db;

    internal ILiteCollection<Centre> Centres => Db.GetCollection<Centre>("centres");
    internal ILiteCollection<AccreditationChange> AccreditationChanges => Db.GetCollection<AccreditationChange>("accreditation_changes");
    /// <summary>The postcode directory, one document per district (see <see cref="PostcodeDirectory"/>).</summary>
    internal ILiteCollection<PostcodeBlock> PostcodeBlocks => Db.GetCollection<PostcodeBlock>("postcode_blocks");
    /// <summary>One document per postcode: the layout before the directory was packed by district, read only to convert it.</summary>
    internal ILiteCollection<PostcodeEntry> LegacyPostcodes => Db.GetCollection<PostcodeEntry>("postcodes");
    internal ILiteCollection<PostcodeEntry> PostcodeDistricts => Db.GetCollection<PostcodeEntry>("postcode_districts");
    internal ILiteCollection<ApiKeyRecord> ApiKeys => Db.GetCollection<ApiKeyRecord>("api_keys");
    internal ILiteCollection<AuditRecord> Audit => Db.GetCollection<AuditRecord>("audit");
    internal ILiteCollection<StoreSetting> Settings => Db.GetCollection<StoreSetting>("settings");

    /// <summary>The store's mapper (for code that works on raw documents, e.g. retention).</summary>
    internal BsonMapper Mapper => Db.Mapper;

    /// <summary>Collection access for areas that own their own documents.</summary>
    internal ILiteCollection<T> Collection<T>(string name) => Db.GetCollection<T>(name);

    /// <summary>
    /// Creates every index once, on one thread, at start-up (BsonMapper can race on the first
    /// concurrent use of a type).
    /// </summary>
    internal static void EnsureIndexes(LiteDatabase db)
    {
        var c = new ReadScope(db);
        c.Centres.EnsureIndex(x => x.OrganisationName);
        c.Centres.EnsureIndex(x => x.CharityNumber);
        c.AccreditationChanges.EnsureIndex(x => x.CentreId);
        c.PostcodeDistricts.EnsureIndex(x => x.Id);
        _ = c.PostcodeBlocks.Count();
        _ = c.LegacyPostcodes.Count();
        c.ApiKeys.EnsureIndex(x => x.Id);
        c.Audit.EnsureIndex(x => x.Principal);
        c.Audit.EnsureIndex(x => x.Time);
        c.Audit.EnsureIndex("$.Cases[*]");
        c.Audit.EnsureIndex("$.Resources[*]");
        _ = c.Settings.Count();
        // Concerns and grants.
        c.Collection<Domain.Concerns.Concern>(ConcernRepository.CollectionName).EnsureIndex(x => x.CentreId);
        _ = c.Collection<ConcernChange>(ConcernRepository.ChangesName).Count();
        _ = c.Collection<Domain.Grants.GrantRound>(GrantRepository.RoundsName).Count();
        c.Collection<Domain.Grants.GrantApplication>(GrantRepository.ApplicationsName).EnsureIndex(x => x.RoundId);
        c.Collection<Domain.Grants.GrantApplication>(GrantRepository.ApplicationsName).EnsureIndex(x => x.CentreId);
        ReferralRepository.EnsureIndexes(c);
        CaseRepository.EnsureIndexes(c);
        SharingRepository.EnsureIndexes(c);
    }
}
