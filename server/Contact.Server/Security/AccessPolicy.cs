using static Contact.Server.Security.Role;

namespace Contact.Server.Security;

/// <summary>
/// Who may call what: every RPC of the API, in one table. Deny by default: an RPC missing here is
/// refused for everyone, and the policy test fails until it is added. Object-level checks (a
/// centre's own referrals, a practitioner's own cases) are made on top of this by the one
/// <c>…Access</c> class per resource beside it (<see cref="CaseAccess"/>, <see cref="ReferralAccess"/>, …),
/// which the services ask.
/// </summary>
public static class AccessPolicy
{
    // Declared before the table: static fields initialise in order.
    private static readonly Role[] Everyone = [NctOperator, Naccc, Practitioner, CallCentre, ContactCentre, CaseSystem, Auditor];
    private static readonly RpcPolicy Open = new(new HashSet<Role>(), AuditKind.None, Public: true);

    public static readonly IReadOnlyDictionary<string, RpcPolicy> Table = new Dictionary<string, RpcPolicy>
    {
        // The register (policy 1.2, 1.4, 1.5; MOU 2.1). Lookups are open to every partner.
        ["/contact.v1.RegisterService/GetCentre"] = Allow(AuditKind.None, Everyone),
        ["/contact.v1.RegisterService/ListCentres"] = Allow(AuditKind.None, Everyone),
        ["/contact.v1.RegisterService/FindNearestCentres"] = Allow(AuditKind.None, Everyone),
        ["/contact.v1.RegisterService/CheckAccreditation"] = Allow(AuditKind.None, Everyone),
        ["/contact.v1.RegisterService/WatchAccreditationChanges"] = Allow(AuditKind.None, Everyone),
        ["/contact.v1.RegisterService/CreateCentre"] = Allow(AuditKind.Write, NctOperator, Naccc),
        ["/contact.v1.RegisterService/UpdateCentre"] = Allow(AuditKind.Write, NctOperator, Naccc),
        ["/contact.v1.RegisterService/ImportCentres"] = Allow(AuditKind.Write, NctOperator, Naccc),
        // Accreditation is NACCC's (MOU 2.1.1, 2.1.3); NCT records what NACCC tells it.
        ["/contact.v1.RegisterService/RecordAccreditationDecision"] = Allow(AuditKind.Write, Naccc, NctOperator),
        // A centre keeps its own waiting time (object check: CentreAccess).
        ["/contact.v1.RegisterService/UpdateWaitingTime"] = Allow(AuditKind.Write, NctOperator, Naccc, ContactCentre),

        ["/contact.v1.PostcodeService/ImportPostcodes"] = Allow(AuditKind.Write, NctOperator),
        ["/contact.v1.PostcodeService/LookupPostcode"] = Allow(AuditKind.None, Everyone),

        // Referrals (policy 1.1-1.8; MOU 2.2.4-2.2.6). Object checks in ReferralAccess: a practitioner's
        // own, a centre's own, NCT all. Reads carry children's data.
        ["/contact.v1.ReferralService/SubmitReferral"] = Allow(AuditKind.Write, Practitioner),
        ["/contact.v1.ReferralService/GetReferral"] = Allow(AuditKind.SensitiveRead, Practitioner, ContactCentre, NctOperator),
        ["/contact.v1.ReferralService/ListReferrals"] = Allow(AuditKind.SensitiveRead, Practitioner, ContactCentre, NctOperator),
        ["/contact.v1.ReferralService/WatchReferrals"] = Allow(AuditKind.SensitiveRead, Practitioner, ContactCentre, NctOperator),
        ["/contact.v1.ReferralService/AcceptReferral"] = Allow(AuditKind.Write, ContactCentre),
        ["/contact.v1.ReferralService/DeclineReferral"] = Allow(AuditKind.Write, ContactCentre),
        ["/contact.v1.ReferralService/WaitlistReferral"] = Allow(AuditKind.Write, ContactCentre),
        ["/contact.v1.ReferralService/StartReferral"] = Allow(AuditKind.Write, ContactCentre),
        ["/contact.v1.ReferralService/CompleteReferral"] = Allow(AuditKind.Write, ContactCentre),
        ["/contact.v1.ReferralService/WithdrawReferral"] = Allow(AuditKind.Write, Practitioner),
        ["/contact.v1.ReferralService/CancelReferral"] = Allow(AuditKind.Write, NctOperator),

        // Credentials and the audit trail.
        ["/contact.v1.AccessService/IssueApiKey"] = Allow(AuditKind.Write, NctOperator),
        ["/contact.v1.AccessService/ListApiKeys"] = Allow(AuditKind.SensitiveRead, NctOperator, Auditor),
        ["/contact.v1.AccessService/RevokeApiKey"] = Allow(AuditKind.Write, NctOperator),
        ["/contact.v1.AccessService/GetCallerIdentity"] = Allow(AuditKind.None, Everyone),
        ["/contact.v1.AuditService/ListAuditEntries"] = Allow(AuditKind.SensitiveRead, NctOperator, Auditor),
        ["/contact.v1.AuditService/VerifyAuditChain"] = Allow(AuditKind.SensitiveRead, NctOperator, Auditor),
        // A backup is a copy of every child's data: NCT only.
        ["/contact.v1.StoreService/CreateBackup"] = Allow(AuditKind.Write, NctOperator),

        // Concerns (policy 1.6, 1.7; MOU 2.1.4, 2.4.3): NCT's, never partners'. A practitioner raises
        // and follows its own (object check and redaction: ConcernAccess). Reads are audited: a
        // concern may name people.
        ["/contact.v1.ConcernService/RaiseConcern"] = Allow(AuditKind.Write, Practitioner, NctOperator),
        ["/contact.v1.ConcernService/GetConcern"] = Allow(AuditKind.SensitiveRead, NctOperator, Practitioner),
        ["/contact.v1.ConcernService/ListConcerns"] = Allow(AuditKind.SensitiveRead, NctOperator, Practitioner),
        ["/contact.v1.ConcernService/RecordConcernAction"] = Allow(AuditKind.Write, NctOperator),
        ["/contact.v1.ConcernService/WatchConcerns"] = Allow(AuditKind.SensitiveRead, NctOperator),

        // Grants (MOU 2.4.2): NCT runs the rounds; a centre applies for itself and sees its own (GrantAccess).
        ["/contact.v1.GrantService/CreateGrantRound"] = Allow(AuditKind.Write, NctOperator),
        ["/contact.v1.GrantService/GetGrantRound"] = Allow(AuditKind.None, NctOperator, ContactCentre, Auditor),
        ["/contact.v1.GrantService/ListGrantRounds"] = Allow(AuditKind.None, NctOperator, ContactCentre, Auditor),
        ["/contact.v1.GrantService/ApplyForGrant"] = Allow(AuditKind.Write, ContactCentre, NctOperator),
        ["/contact.v1.GrantService/AwardGrant"] = Allow(AuditKind.Write, NctOperator),
        ["/contact.v1.GrantService/DeclineGrantApplication"] = Allow(AuditKind.Write, NctOperator),
        ["/contact.v1.GrantService/ListGrantApplications"] = Allow(AuditKind.None, NctOperator, ContactCentre, Auditor),

        // The MOU review (MOU 3, 5): NCT prepares it and shares the export with NACCC; auditors read it.
        ["/contact.v1.ReportService/GetMouTerms"] = Allow(AuditKind.None, NctOperator, Naccc, Auditor),
        ["/contact.v1.ReportService/GetReviewReport"] = Allow(AuditKind.SensitiveRead, NctOperator, Auditor),
        ["/contact.v1.ReportService/ExportReviewReport"] = Allow(AuditKind.SensitiveRead, NctOperator, Auditor),

        // The case index, kept in step by the case system (MOU 2.3.2-2.3.5). Reads hold children's data.
        ["/contact.v1.CaseService/CreateCase"] = Allow(AuditKind.Write, CaseSystem),
        ["/contact.v1.CaseService/UpdateCase"] = Allow(AuditKind.Write, CaseSystem),
        ["/contact.v1.CaseService/CloseCase"] = Allow(AuditKind.Write, CaseSystem),
        ["/contact.v1.CaseService/BatchUpsertCases"] = Allow(AuditKind.Write, CaseSystem),
        // NCT reads any case; a practitioner only a case allocated to them (object check: CaseAccess).
        ["/contact.v1.CaseService/GetCase"] = Allow(AuditKind.SensitiveRead, CaseSystem, NctOperator, Practitioner),

        // The Safe Referral System (policy 1.8, Annex 1; MOU 2.3.2-2.3.5). Object checks in SharingAccess:
        // NACCC sees only the requests it sent; an FCA only requests about cases allocated to them.
        ["/contact.v1.InformationSharingService/SubmitSharingRequest"] = Allow(AuditKind.Write, Naccc),
        ["/contact.v1.InformationSharingService/GetSharingRequest"] = Allow(AuditKind.SensitiveRead, Naccc, CallCentre, Practitioner, NctOperator),
        ["/contact.v1.InformationSharingService/ListSharingRequests"] = Allow(AuditKind.SensitiveRead, Naccc, CallCentre, Practitioner, NctOperator),
        ["/contact.v1.InformationSharingService/LookUpCase"] = Allow(AuditKind.Write, CallCentre),
        ["/contact.v1.InformationSharingService/ResolveCaseMatch"] = Allow(AuditKind.Write, CallCentre),
        ["/contact.v1.InformationSharingService/AnswerSharingRequest"] = Allow(AuditKind.Write, Practitioner),
        ["/contact.v1.InformationSharingService/WatchSharingRequests"] = Allow(AuditKind.SensitiveRead, Naccc, NctOperator),
        ["/contact.v1.InformationSharingService/WatchFcaWorklist"] = Allow(AuditKind.SensitiveRead, Practitioner),
        // For the parties and the court (MOU 2.3.5): produced by the FCA, NCT, or for audit.
        ["/contact.v1.InformationSharingService/GetDisclosureStatement"] = Allow(AuditKind.SensitiveRead, Practitioner, NctOperator, Auditor, CaseSystem),
        ["/contact.v1.InformationSharingService/GetCallCentreStatus"] = Allow(AuditKind.None, Everyone),

        // Open: discovery and health.
        ["/grpc.health.v1.Health/Check"] = Open,
        ["/grpc.health.v1.Health/Watch"] = Open,
        ["/grpc.health.v1.Health/List"] = Open,
        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = Open,
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = Open,
    };

    public static RpcPolicy? For(string method) => Table.GetValueOrDefault(method);

    private static RpcPolicy Allow(AuditKind audit, params Role[] roles) => new(roles.ToHashSet(), audit);
}
