using Contact.Server.Domain.Cases;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.InformationSharing;
using Google.Protobuf.WellKnownTypes;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>Maps cases and sharing requests between the wire and the domain.</summary>
public static class CaseMapping
{
    public static CaseRecord ToDomain(this V1.Case p, string prefix, Validation v)
    {
        var c = new CaseRecord
        {
            CaseNumber = p.CaseNumber.Trim(),
            Children = p.Children.Select((ch, i) => new CaseChild(ch.GivenNames.Trim(), ch.FamilyName.Trim(),
                ch.DateOfBirth.ToDomain($"{prefix}.children[{i}].date_of_birth", v) ?? default,
                ch.AddressLines.Select(l => l.Trim()).ToList(), ProtoMapping.Blank(ch.Postcode))).ToList(),
            Parties = p.Parties.Select(x => new CaseParty(x.FullName.Trim(), x.Role.Trim())).ToList(),
            Status = p.Status.ToDomain(),
            Opened = p.OpenedDate.ToDomain($"{prefix}.opened_date", v) ?? default,
            Closed = p.ClosedDate.ToDomain($"{prefix}.closed_date", v),
            Fca = p.AllocatedFca is { } f ? new AllocatedFca(f.FcaId.Trim(), f.DisplayName.Trim(), ProtoMapping.Blank(f.Email), ProtoMapping.Blank(f.Phone)) : null,
            CurrentRisk = p.RiskFlags?.CurrentRisk ?? false,
            HistoricRisk = p.RiskFlags?.HistoricRisk ?? false,
            CourtPermissions = p.CourtPermissions.Select((x, i) => new CourtPermission(x.Reference.Trim(),
                x.Date.ToDomain($"{prefix}.court_permissions[{i}].date", v) ?? default,
                x.ShareableInformation.Select(s => s.Trim()).ToList())).ToList(),
        };
        p.Status.ToDomain($"{prefix}.status", v);
        return c;
    }

    public static V1.Case ToProto(this CaseRecord c)
    {
        var p = new V1.Case
        {
            Name = c.ResourceName,
            CaseNumber = c.CaseNumber,
            Status = c.Status.ToProto(),
            OpenedDate = c.Opened.ToProto(),
            ClosedDate = c.Closed.ToProto(),
            RiskFlags = new V1.RiskFlags { CurrentRisk = c.CurrentRisk, HistoricRisk = c.HistoricRisk },
            CreateTime = Timestamp.FromDateTimeOffset(c.Created),
            UpdateTime = Timestamp.FromDateTimeOffset(c.Updated),
            Etag = c.Etag,
        };
        p.Children.AddRange(c.Children.Select(ToProto));
        p.Parties.AddRange(c.Parties.Select(x => new V1.CaseParty { FullName = x.FullName, Role = x.Role }));
        if (c.Fca is { } f) p.AllocatedFca = new V1.AllocatedFca { FcaId = f.FcaId, DisplayName = f.DisplayName, Email = f.Email ?? "", Phone = f.Phone ?? "" };
        p.CourtPermissions.AddRange(c.CourtPermissions.Select(x => new V1.CourtPermission
        {
            Reference = x.Reference, Date = x.Date.ToProto(), ShareableInformation = { x.ShareableInformation },
        }));
        return p;
    }

    public static V1.CaseChild ToProto(this CaseChild ch) => new()
    {
        GivenNames = ch.GivenNames, FamilyName = ch.FamilyName, DateOfBirth = ch.DateOfBirth.ToProto(),
        AddressLines = { ch.AddressLines }, Postcode = ch.Postcode ?? "",
    };

    /// <summary>
    /// A request as its caller may see it. NACCC (<paramref name="cafcassView"/> false) sees what it
    /// sent and what Cafcass disclosed to it, nothing else: not the case, not how it was matched,
    /// not an FCA's confirmation reason (MOU 2.3.3, 2.3.4).
    /// </summary>
    public static V1.SharingRequest ToProto(this SharingRequest r, bool cafcassView, DateTimeOffset now)
    {
        var p = new V1.SharingRequest
        {
            Name = r.ResourceName,
            // A held request looks to NACCC like any other awaiting the call centre: a near match is not for it to know.
            State = (r.State == SharingState.HeldForReview && !cafcassView ? SharingState.AwaitingCallCentre : r.State).ToProto(),
            SrsReference = r.SrsReference,
            FamilyName = r.FamilyName,
            ParentWishingContact = r.ParentWishingContact,
            PartiesConsentedToChecks = r.PartiesConsentedToChecks,
            ReceiveTime = Timestamp.FromDateTimeOffset(r.Received),
            Overdue = r.IsOverdue(now),
            OpenInPast = r.OpenInPast.ToProto(),
            Sequence = r.Sequence,
        };
        if (r.Due is { } d) p.DueTime = Timestamp.FromDateTimeOffset(d);
        p.Children.AddRange(r.Children.Select(ch => new V1.SharingChild
        {
            GivenNames = ch.GivenNames, FamilyName = ch.FamilyName, DateOfBirth = ch.DateOfBirth.ToProto(),
            AddressLines = { ch.AddressLines }, Postcode = ch.Postcode ?? "",
        }));
        if (r.NamedFca is { } named) p.NamedFca = named.ToProto();
        if (SharingRules.OutcomeMessage(r.State, r.Answer) is { } told) p.OutcomeMessage = told;
        if (r.State is SharingState.WithFca or SharingState.Answered && r.FcaContact is { } contact) p.FcaContact = contact.ToProto();
        if (r.Answer is { } a)
        {
            p.Answer = new V1.SharingAnswer
            {
                OpenNow = a.OpenNow.ToProto(),
                CurrentRisk = a.CurrentRisk.ToProto(),
                HistoricRisk = a.HistoricRisk.ToProto(),
                CourtPermission = a.CourtPermission.ToProto(),
                FurtherInformation = { a.FurtherInformation },
                CompletedBy = a.CompletedBy.ToProto(),
                CompleteTime = Timestamp.FromDateTimeOffset(a.Completed),
            };
        }
        if (cafcassView)
        {
            p.Cafcass = new V1.CafcassNotes
            {
                Case = r.CaseId is null ? "" : CaseNames.Case(r.CaseId),
                CaseNumber = r.CaseNumber ?? "",
                MatchNote = r.MatchNote ?? "",
                LookedUpBy = r.LookedUpBy ?? "",
                NoRiskConfirmationReason = r.NoRiskConfirmationReason ?? "",
                CandidateCases = { r.State == SharingState.HeldForReview ? r.CandidateCaseIds.Select(CaseNames.Case) : [] },
            };
        }
        return p;
    }

    public static V1.FcaContact ToProto(this FcaContact c) => new() { DisplayName = c.DisplayName, Email = c.Email ?? "", Phone = c.Phone ?? "" };

    public static V1.FcaNotification ToProto(this FcaNotification n) => new()
    {
        Sequence = n.Sequence,
        Kind = n.Kind.ToProto(),
        Case = CaseNames.Case(n.CaseId),
        CaseNumber = n.CaseNumber,
        SharingRequest = CaseNames.Request(n.RequestId),
        NotifyTime = Timestamp.FromDateTimeOffset(n.Time),
    };

}
