using Contact.Server.Domain.Register;
using Contact.Server.Security;
using LiteDB;

namespace Contact.Server.Storage;

/// <summary>How domain types are stored: calendar types as ISO text, instants as UTC ticks.</summary>
internal static class StoreMapper
{
    public static BsonMapper Create()
    {
        // LiteDB by default stores "" as null and trims strings: both would change what was written
        // (and break the audit chain's hashes), so both are off.
        var mapper = new BsonMapper { EnumAsInteger = true, EmptyStringToNull = false, TrimWhitespace = false };
        mapper.RegisterType<DateOnly>(d => new BsonValue(d.ToString("yyyy-MM-dd")), b => DateOnly.ParseExact(b.AsString, "yyyy-MM-dd"));
        mapper.RegisterType<TimeOnly>(t => new BsonValue(t.ToString("HH:mm")), b => TimeOnly.ParseExact(b.AsString, "HH:mm"));
        // Ticks keep instants exact and timezone-free (LiteDB's DateTime would round to ms and convert to local).
        mapper.RegisterType<DateTimeOffset>(d => new BsonValue(d.UtcTicks), b => new DateTimeOffset(b.AsInt64, TimeSpan.Zero));

        mapper.Entity<AccreditationChange>().Id(c => c.Sequence, autoId: true);
        mapper.Entity<AuditRecord>().Id(a => a.Sequence, autoId: false);
        mapper.Entity<Domain.InformationSharing.FcaNotification>().Id(n => n.Sequence, autoId: false);
        return mapper;
    }
}
