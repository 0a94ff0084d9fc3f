using Contact.Server.Domain.Common;
using Contact.Server.Domain.Grants;
using Contact.Server.Domain.Register;
using Contact.Server.Security;

namespace Contact.Server.Storage;

/// <summary>
/// Stores grant rounds and applications. An award reads the round's awarded total and records the
/// award in one write: the single writer serialises writes, so concurrent awards never together
/// exceed the budget (MOU 2.4.2).
/// </summary>
public sealed class GrantRepository(ContactStore store, AuditTrail trail, TimeProvider time)
{
    public const string RoundsName = "grant_rounds", ApplicationsName = "grant_applications";

    public Task<GrantRound> CreateRoundAsync(GrantRound round, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var rounds = scope.Collection<GrantRound>(RoundsName);
            if (rounds.FindById(round.Id) is not null)
                throw new RuleViolation(RefusalKind.AlreadyExists, Reasons.AlreadyExists, $"{round.ResourceName} already exists: one round per financial year.");
            round.Created = time.GetUtcNow();
            rounds.Insert(round);
            trail.RecordIn(scope, audit.Touch(round.ResourceName));
            return round;
        });

    public GrantRound? Round(string id) => store.Read(s => s.Collection<GrantRound>(RoundsName).FindById(id));

    public IReadOnlyList<GrantRound> Rounds() => store.Read(s => s.Collection<GrantRound>(RoundsName).FindAll().ToList());

    public IReadOnlyList<GrantApplication> Applications(string? roundId = null) =>
        store.Read(s => (roundId is null
            ? s.Collection<GrantApplication>(ApplicationsName).FindAll()
            : s.Collection<GrantApplication>(ApplicationsName).Find(a => a.RoundId == roundId)).OrderBy(a => a.Created).ThenBy(a => a.Id, StringComparer.Ordinal).ToList());

    /// <summary>Records an application; <paramref name="check"/> runs inside the write (round open, centre eligible).</summary>
    public Task<GrantApplication> ApplyAsync(GrantApplication application, Action<GrantRound> check, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var round = scope.Collection<GrantRound>(RoundsName).FindById(application.RoundId) ?? throw RuleViolation.NotFound(GrantNames.Round(application.RoundId));
            check(round);
            var applications = scope.Collection<GrantApplication>(ApplicationsName);
            if (applications.Exists(a => a.RoundId == application.RoundId && a.CentreId == application.CentreId))
                throw new RuleViolation(RefusalKind.AlreadyExists, Reasons.AlreadyExists,
                    $"{Names.Centre(application.CentreId)} has already applied in the {application.RoundId} round: one application per centre per year (MOU 2.4.2).");
            application.Id = Names.NewId();
            application.Created = time.GetUtcNow();
            applications.Insert(application);
            trail.RecordIn(scope, audit.Touch(application.ResourceName).Touch(Names.Centre(application.CentreId)));
            return application;
        });

    /// <summary>Decides a pending application. <paramref name="decide"/> gets the round and its awarded total, read in this write.</summary>
    public Task<GrantApplication> DecideAsync(string roundId, string id, Action<GrantRound, long, GrantApplication> decide, CallAudit audit) =>
        store.WriteAsync(scope =>
        {
            var applications = scope.Collection<GrantApplication>(ApplicationsName);
            var application = applications.FindById(id);
            if (application is null || application.RoundId != roundId) throw RuleViolation.NotFound(GrantNames.Application(roundId, id));
            var round = scope.Collection<GrantRound>(RoundsName).FindById(roundId) ?? throw RuleViolation.NotFound(GrantNames.Round(roundId));
            var awarded = applications.Find(a => a.RoundId == roundId && a.Status == GrantApplicationStatus.Awarded).Sum(a => a.AwardedPence);
            decide(round, awarded, application);
            application.Decided = time.GetUtcNow();
            applications.Update(application);
            trail.RecordIn(scope, audit.Touch(application.ResourceName));
            return application;
        });

    /// <summary>Flags a centre's pending applications, once each; returns how many were flagged.</summary>
    public Task<int> FlagPendingAsync(string centreId, string reason) =>
        store.WriteAsync(scope =>
        {
            var applications = scope.Collection<GrantApplication>(ApplicationsName);
            var pending = applications.Find(a => a.CentreId == centreId && a.Status == GrantApplicationStatus.Pending && !a.Flagged).ToList();
            foreach (var application in pending)
            {
                application.Flagged = true;
                application.FlagReason = reason;
                applications.Update(application);
            }
            if (pending.Count > 0)
            {
                var audit = CallAudit.System("grant-accreditation-watch");
                foreach (var a in pending) audit.Touch(a.ResourceName);
                trail.RecordIn(scope, audit, reason);
            }
            return pending.Count;
        });
}
