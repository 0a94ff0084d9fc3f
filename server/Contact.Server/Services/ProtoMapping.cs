using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;
using Google.Protobuf.WellKnownTypes;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>Maps between the wire contract and the domain; enums through <see cref="EnumMapping"/>.</summary>
public static class ProtoMapping
{
    /// <summary>The centre as the contract shows it; without <paramref name="history"/>, each level's decisions are left out (CENTRE_VIEW_BASIC).</summary>
    public static V1.Centre ToProto(this Centre c, DateOnly today, bool history = true)
    {
        var proto = new V1.Centre
        {
            Name = c.ResourceName,
            DisplayName = c.DisplayName,
            Organisation = new V1.Organisation { Name = c.OrganisationName, CharityNumber = c.CharityNumber ?? "" },
            Setting = c.Setting.ToProto(),
            Address = new V1.PostalAddress { Town = c.Town, Postcode = c.Postcode, Lines = { c.AddressLines } },
            Location = new V1.GeoPoint { Latitude = c.Latitude, Longitude = c.Longitude },
            Region = c.Region,
            ContactDetails = new V1.ContactDetails { Phone = c.Phone ?? "", Email = c.Email ?? "", Website = c.Website ?? "" },
            Demo = c.Demo,
            CreateTime = Timestamp.FromDateTimeOffset(c.Created),
            UpdateTime = Timestamp.FromDateTimeOffset(c.Updated),
            Etag = c.Etag,
        };
        proto.ContactTypes.AddRange(c.ContactTypes.Select(t => t.ToProto()));
        proto.OpeningSessions.AddRange(c.OpeningSessions.Select(s => new V1.OpeningSession
        {
            Day = s.Day.ToProto(),
            Opens = new Google.Type.TimeOfDay { Hours = s.Opens.Hour, Minutes = s.Opens.Minute },
            Closes = new Google.Type.TimeOfDay { Hours = s.Closes.Hour, Minutes = s.Closes.Minute },
        }));
        if (c.WaitingWeeks is { } weeks) proto.WaitingTime = WaitingTime(c)!;
        if (!string.IsNullOrEmpty(c.ContractReference))
            proto.Commissioning = new V1.Commissioning
            {
                ContractReference = c.ContractReference,
                Period = new V1.DateRange { StartDate = c.CommissionStart.ToProto(), EndDate = c.CommissionEnd.ToProto() },
                CommissionedNow = c.IsCommissionedOn(today),
            };
        proto.Accreditations.AddRange(c.Accreditations.Select(a => a.ToProto(today, history)));
        return proto;
    }

    /// <summary>The centre in brief (CENTRE_VIEW_SUMMARY): the levels accredited on <paramref name="today"/> and whether it is commissioned then.</summary>
    public static V1.CentreSummary ToSummary(this Centre c, DateOnly today)
    {
        var summary = new V1.CentreSummary
        {
            Name = c.ResourceName,
            DisplayName = c.DisplayName,
            Town = c.Town,
            Postcode = c.Postcode,
            Commissioned = c.IsCommissionedOn(today),
        };
        summary.AccreditedLevels.AddRange(c.Accreditations
            .Where(a => AccreditationRules.EffectiveStatus(a, today) == AccreditationStatus.Accredited)
            .Select(a => a.Level.ToProto()).Order());
        return summary;
    }

    public static V1.WaitingTime? WaitingTime(Centre c) => c.WaitingWeeks is { } weeks
        ? new V1.WaitingTime { Weeks = weeks, ConfirmedDate = c.WaitingConfirmed.ToProto() }
        : null;

    public static V1.Accreditation ToProto(this AccreditationRecord a, DateOnly today, bool history = true)
    {
        var proto = new V1.Accreditation
        {
            Level = a.Level.ToProto(),
            Status = AccreditationRules.EffectiveStatus(a, today).ToProto(),
            GrantedDate = a.GrantedDate.ToProto(),
            RenewalDueDate = a.RenewalDue.ToProto(),
        };
        if (history) proto.History.AddRange(a.History.Select(h => h.ToProto()));
        return proto;
    }

    public static V1.AccreditationChange ToProto(this AccreditationChange c) => new()
    {
        Sequence = c.Sequence,
        Centre = Names.Centre(c.CentreId),
        CentreDisplayName = c.CentreDisplayName,
        Level = c.Level.ToProto(),
        Action = c.Action.ToProto(),
        PreviousStatus = c.PreviousStatus.ToProto(),
        NewStatus = c.NewStatus.ToProto(),
        EffectiveDate = c.EffectiveDate.ToProto(),
        Reason = c.Reason,
        Actor = c.Actor,
        RecordTime = Timestamp.FromDateTimeOffset(c.Recorded),
    };

    /// <summary>Reads a centre from a request; field problems are collected under <paramref name="prefix"/>.</summary>
    public static Centre ToDomain(this V1.Centre p, string prefix, Validation v)
    {
        var c = new Centre
        {
            DisplayName = p.DisplayName.Trim(),
            OrganisationName = p.Organisation?.Name.Trim() ?? "",
            CharityNumber = string.IsNullOrWhiteSpace(p.Organisation?.CharityNumber) ? null : p.Organisation.CharityNumber.Trim(),
            Setting = p.Setting.ToDomain(),
            ContactTypes = p.ContactTypes.Select(t => t.ToDomain()).ToList(),
            AddressLines = p.Address?.Lines.Select(l => l.Trim()).ToList() ?? [],
            Town = p.Address?.Town.Trim() ?? "",
            Postcode = p.Address?.Postcode ?? "",
            Latitude = p.Location?.Latitude ?? 0,
            Longitude = p.Location?.Longitude ?? 0,
            Region = p.Region.Trim(),
            Phone = Blank(p.ContactDetails?.Phone),
            Email = Blank(p.ContactDetails?.Email),
            Website = Blank(p.ContactDetails?.Website),
            ContractReference = Blank(p.Commissioning?.ContractReference),
        };
        if (p.Commissioning?.Period is { } period)
        {
            c.CommissionStart = period.StartDate.ToDomain($"{prefix}.commissioning.period.start_date", v);
            c.CommissionEnd = period.EndDate.ToDomain($"{prefix}.commissioning.period.end_date", v);
        }
        for (var i = 0; i < p.OpeningSessions.Count; i++)
        {
            var s = p.OpeningSessions[i];
            var opens = s.Opens.ToDomain($"{prefix}.opening_sessions[{i}].opens", v);
            var closes = s.Closes.ToDomain($"{prefix}.opening_sessions[{i}].closes", v);
            v.Require(s.Day is > Google.Type.DayOfWeek.Unspecified and <= Google.Type.DayOfWeek.Sunday, $"{prefix}.opening_sessions[{i}].day", "is required");
            if (opens is { } o && closes is { } cl)
                c.OpeningSessions.Add(new OpeningSession(s.Day.ToDomain(), o, cl));
        }
        if (p.WaitingTime is { } wait)
        {
            c.WaitingWeeks = wait.Weeks;
            c.WaitingConfirmed = wait.ConfirmedDate.ToDomain($"{prefix}.waiting_time.confirmed_date", v);
        }
        return c;
    }

    public static Google.Type.Date? ToProto(this DateOnly? d) => d is { } day ? day.ToProto() : null;

    public static Google.Type.Date ToProto(this DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    /// <summary>A full calendar date, or null when unset; a partial or impossible date is a field problem.</summary>
    public static DateOnly? ToDomain(this Google.Type.Date? d, string field, Validation v)
    {
        if (d is null || (d.Year == 0 && d.Month == 0 && d.Day == 0)) return null;
        if (d.Year is >= 1900 and <= 2200 && d.Month is >= 1 and <= 12 && d.Day >= 1 && d.Day <= DateTime.DaysInMonth(d.Year, d.Month))
            return new DateOnly(d.Year, d.Month, d.Day);
        v.Add(field, "must be a real calendar date with year, month and day");
        return null;
    }

    public static TimeOnly? ToDomain(this Google.Type.TimeOfDay? t, string field, Validation v)
    {
        if (t is null) { v.Add(field, "is required"); return null; }
        if (t.Hours is >= 0 and <= 23 && t.Minutes is >= 0 and <= 59 && t.Seconds == 0 && t.Nanos == 0) return new TimeOnly(t.Hours, t.Minutes);
        v.Add(field, "must be a time of day in whole minutes, 00:00 to 23:59");
        return null;
    }

    /// <summary>Trimmed text, or null for an absent or blank field.</summary>
    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
