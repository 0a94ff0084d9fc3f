namespace Contact.Server.Security;

/// <summary>
/// The role sets the access rules speak of, each defined once. The object-level rules that use
/// them live beside the policy table, one class per resource (<see cref="CaseAccess"/>,
/// <see cref="CentreAccess"/>, <see cref="ConcernAccess"/>, <see cref="GrantAccess"/>,
/// <see cref="ReferralAccess"/>, <see cref="SharingAccess"/>).
/// </summary>
public static class RoleSets
{
    /// <summary>
    /// Cafcass's own roles. They see what Cafcass keeps to itself (its notes, the case behind a
    /// sharing request); NACCC sees only what Cafcass shares with it, so no key holds both (MOU 2.3.3, 2.3.4).
    /// </summary>
    public static readonly Role[] Cafcass = [Role.NctOperator, Role.Practitioner, Role.CallCentre, Role.CaseSystem];

    /// <summary>
    /// Who reads every case in the index, not only one allocated to them: NCT, and the case system
    /// that keeps the index. A practitioner reads only the cases allocated to them (MOU 2.3.2-2.3.5).
    /// </summary>
    public static readonly Role[] ReadEveryCase = [Role.NctOperator, Role.CaseSystem];

    /// <summary>
    /// Who reads the disclosure statement of every case: those who read every case, and auditors.
    /// Deliberately wider than <see cref="ReadEveryCase"/>: the statement is produced for audit
    /// (MOU 2.3.5) and says what was shared with whom, while an auditor has no business reading
    /// the case record itself (the policy table does not let an auditor call GetCase at all).
    /// </summary>
    public static readonly Role[] ReadEveryDisclosureStatement = [.. ReadEveryCase, Role.Auditor];

    /// <summary>
    /// Who sees every Safe Referral System request: the call centre that matches them to cases, and
    /// NCT. NACCC sees the requests its key sent, a practitioner those routed to them (MOU 2.3.1-2.3.4).
    /// </summary>
    public static readonly Role[] SeeEverySharingRequest = [Role.CallCentre, Role.NctOperator];

    /// <summary>
    /// Who keeps every centre's waiting time: NCT and NACCC, who keep the register (MOU 2.1). A
    /// contact centre keeps only its own.
    /// </summary>
    public static readonly Role[] KeepEveryCentre = [Role.NctOperator, Role.Naccc];

    /// <summary>
    /// Who sees every application in a grant round: NCT, who runs the rounds, and auditors (MOU 2.4.2).
    /// A contact centre sees only its own application.
    /// </summary>
    public static readonly Role[] SeeEveryGrantApplication = [Role.NctOperator, Role.Auditor];

    public static bool IsCafcass(Principal p) => p.HasAny(Cafcass);
}
