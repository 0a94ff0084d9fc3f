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
            Kind = r.Kind.ToProto(),
            ContactType = r.ContactType.ToProto(),
            Centre = Names.Centre(r.CentreId),
            CentreDisplayName = r.CentreDisplayName,
            RiskAssessment = new V1.ReferralRiskAssessment
            {
                SignificantRiskIdentified = r.SignificantRisk,
                RiskLevel = r.Risk.ToProto(),
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
            Status = r.Status.ToProto(),
            DeclineReason = r.DeclineReason.ToProto(),
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
            Action = h.Action.ToProto(),
            PreviousStatus = h.From.ToProto(),
            NewStatus = h.To.ToProto(),
            Time = Timestamp.FromDateTimeOffset(h.Time),
            Actor = h.Actor,
            ActorRole = EnumMapping.RoleToProto(h.ActorRole),
            Note = h.Note,
            DeclineReason = h.DeclineReason.ToProto(),
            ExpectedStartDate = h.ExpectedStart.ToProto(),
        }));
        proto.Flags.AddRange(r.Flags.Select(f => new V1.ReferralFlag
        {
            Kind = f.Kind.ToProto(),
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
        p.Kind.ToDomain($"{prefix}.kind", v);
        p.ContactType.ToDomain($"{prefix}.contact_type", v);
        (p.RiskAssessment?.RiskLevel ?? V1.ReferralRiskLevel.Unspecified).ToDomain($"{prefix}.risk_assessment.risk_level", v);

        var referral = new Referral
        {
            CaseNumber = p.CaseNumber.Trim(),
            Kind = p.Kind.ToDomain(),
            ContactType = p.ContactType.ToDomain(),
            CentreId = centreId ?? "",
            SignificantRisk = p.RiskAssessment?.SignificantRiskIdentified ?? false,
            Risk = (p.RiskAssessment?.RiskLevel ?? V1.ReferralRiskLevel.Unspecified).ToDomain(),
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
