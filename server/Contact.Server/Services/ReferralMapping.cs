using Contact.Server.Domain.Common;
using Contact.Server.Domain.Referrals;
using Contact.Server.Domain.Register;
using Google.Protobuf.WellKnownTypes;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>Maps referrals between the wire contract and the domain (enums by value).</summary>
public static class ReferralMapping
{
    public static V1.Referral ToProto(this Referral r)
    {
        var proto = new V1.Referral
        {
            Name = r.ResourceName,
            CaseNumber = r.CaseNumber,
            Kind = (V1.ReferralKind)r.Kind,
            ContactType = (V1.ContactType)r.ContactType,
            Centre = Names.Centre(r.CentreId),
            CentreDisplayName = r.CentreDisplayName,
            RiskAssessment = new V1.ReferralRiskAssessment
            {
                SignificantRiskIdentified = r.SignificantRisk,
                RiskLevel = (V1.ReferralRiskLevel)r.Risk,
                Conflict = r.Conflict,
            },
            ChildPreparation = new V1.ChildPreparation { Plan = r.PreparationPlan, DeliveredBy = r.PreparationDeliveredBy },
            FamilyAware = r.FamilyAware,
            WaitingTimeChecked = r.WaitingTimeChecked,
            CaseInformation = new V1.ReferralCaseInformation
            {
                NatureOfDispute = r.NatureOfDispute,
                FurtherInformation = r.FurtherInformation ?? "",
                CourtPermissionReference = r.CourtPermissionReference ?? "",
            },
            Status = (V1.ReferralStatus)r.Status,
            DeclineReason = (V1.DeclineReason)r.DeclineReason,
            ExpectedStartDate = r.ExpectedStart.ToProto(),
            FcaId = r.FcaId,
            RequestId = r.RequestId,
            CreateTime = Timestamp.FromDateTimeOffset(r.Created),
            UpdateTime = Timestamp.FromDateTimeOffset(r.Updated),
            Sequence = r.Sequence,
        };
        proto.Children.AddRange(r.Children.Select(c => new V1.ReferralChild
        {
            GivenNames = c.GivenNames,
            FamilyName = c.FamilyName,
            BirthDate = c.BirthDate.ToProto(),
        }));
        proto.History.AddRange(r.History.Select(h => new V1.ReferralTransition
        {
            Action = (V1.ReferralAction)h.Action,
            PreviousStatus = (V1.ReferralStatus)h.From,
            NewStatus = (V1.ReferralStatus)h.To,
            Time = Timestamp.FromDateTimeOffset(h.Time),
            Actor = h.Actor,
            ActorRole = (V1.Role)h.ActorRole,
            Note = h.Note,
            DeclineReason = (V1.DeclineReason)h.DeclineReason,
            ExpectedStartDate = h.ExpectedStart.ToProto(),
        }));
        proto.Flags.AddRange(r.Flags.Select(f => new V1.ReferralFlag
        {
            Kind = (V1.ReferralFlagKind)f.Kind,
            Reason = f.Reason,
            EffectiveDate = f.EffectiveDate.ToProto(),
            RaiseTime = Timestamp.FromDateTimeOffset(f.Raised),
            AccreditationSequence = f.AccreditationSequence,
        }));
        return proto;
    }

    /// <summary>Reads the submitted fields of a referral; problems are collected as "referral.…" fields.</summary>
    public static Referral ToDomain(this V1.Referral p, Validation v)
    {
        const string prefix = "referral";
        var centreId = Names.CentreId(p.Centre, $"{prefix}.centre", v);
        ProtoMapping.CheckEnum<ReferralKind>((int)p.Kind, $"{prefix}.kind", v);
        ProtoMapping.CheckEnum<ContactKind>((int)p.ContactType, $"{prefix}.contact_type", v);
        ProtoMapping.CheckEnum<RiskLevel>((int)(p.RiskAssessment?.RiskLevel ?? 0), $"{prefix}.risk_assessment.risk_level", v);

        var referral = new Referral
        {
            CaseNumber = p.CaseNumber.Trim(),
            Kind = ProtoMapping.Defined<ReferralKind>((int)p.Kind),
            ContactType = ProtoMapping.Defined<ContactKind>((int)p.ContactType),
            CentreId = centreId ?? "",
            SignificantRisk = p.RiskAssessment?.SignificantRiskIdentified ?? false,
            Risk = ProtoMapping.Defined<RiskLevel>((int)(p.RiskAssessment?.RiskLevel ?? 0)),
            Conflict = p.RiskAssessment?.Conflict ?? false,
            PreparationPlan = p.ChildPreparation?.Plan.Trim() ?? "",
            PreparationDeliveredBy = p.ChildPreparation?.DeliveredBy.Trim() ?? "",
            FamilyAware = p.FamilyAware,
            WaitingTimeChecked = p.WaitingTimeChecked,
            NatureOfDispute = p.CaseInformation?.NatureOfDispute.Trim() ?? "",
            FurtherInformation = ProtoMapping.Blank(p.CaseInformation?.FurtherInformation),
            CourtPermissionReference = ProtoMapping.Blank(p.CaseInformation?.CourtPermissionReference),
        };
        for (var i = 0; i < p.Children.Count; i++)
        {
            var c = p.Children[i];
            var field = $"{prefix}.children[{i}].birth_date";
            var born = c.BirthDate.ToDomain(field, v);
            if (c.BirthDate is null) v.Add(field, "is required");
            referral.Children.Add(new Child(c.GivenNames.Trim(), c.FamilyName.Trim(), born ?? DateOnly.MinValue));
        }
        return referral;
    }

}
