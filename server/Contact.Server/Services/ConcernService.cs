using Contact.Server.Domain.Common;
using Contact.Server.Domain.Concerns;
using Contact.Server.Domain.Register;
using Contact.Server.Security;
using Contact.Server.Storage;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>
/// Concerns over gRPC (policy 1.6, 1.7; MOU 2.1.4, 2.4.3). NCT sees everything; a practitioner sees
/// only the concerns it raised, without NCT's notes or the NACCC correspondence.
/// </summary>
public sealed class ConcernService(ConcernRepository repository, RegisterIndex register, ConcernDeadlines deadlines, TimeProvider time)
    : V1.ConcernService.ConcernServiceBase
{

    private DateOnly Today => UkClock.Today(time);

    public override async Task<V1.Concern> RaiseConcern(V1.RaiseConcernRequest request, ServerCallContext context)
    {
        if (request.Concern is null) throw RuleViolation.Invalid("concern", "is required");
        var p = request.Concern;
        var caller = context.Caller();
        var v = new Validation();
        var type = p.Type.ToDomain("concern.type", v);
        var centreId = Names.OptionalCentreId(p.Centre, "concern.centre", v);
        var o = p.Organisation;
        var now = time.GetUtcNow();
        var concern = new Concern
        {
            Type = type,
            CentreId = centreId,
            OrganisationName = ProtoMapping.Blank(o?.Name),
            OrganisationAddress = ProtoMapping.Blank(o?.Address),
            OrganisationOffers = ProtoMapping.Blank(o?.Offers),
            OrganisationContactTypes = o?.ContactTypes.Select(t => t.ToDomain()).ToList() ?? [],
            Description = p.Description.Trim(),
            RaisedBy = caller.Principal.FcaId ?? caller.Principal.DisplayName,
            RaiserFcaId = ConcernAccess.RaiserFcaIdOf(caller.Principal),
            Raised = now,
            Updated = now,
        };
        if (concern.OrganisationContactTypes.Any(t => t == ContactKind.Unspecified)) v.Add("concern.organisation.contact_types", "unknown or unspecified value");
        ConcernRules.ValidateNew(concern, v);
        v.ThrowIfInvalid();
        if (centreId is not null && register.Get(centreId) is null) throw RuleViolation.NotFound(Names.Centre(centreId));
        ConcernRules.Enter(concern, ConcernStatus.Raised, UkClock.DateOf(now), deadlines);

        var stored = await repository.CreateAsync(concern, caller.Audit);
        return View(stored, caller.Principal);
    }

    public override Task<V1.Concern> GetConcern(V1.GetConcernRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = ConcernNames.IdOf(request.Name) ?? throw RuleViolation.Invalid("name", "must be \"concerns/{concern}\"");
        var concern = repository.Get(id);
        // Another practitioner's concern is not found: its existence is not theirs to know.
        if (concern is null || !ConcernAccess.MaySee(caller.Principal, concern)) throw RuleViolation.NotFound(ConcernNames.Of(id));
        caller.Audit.Touch(concern.ResourceName);
        return Task.FromResult(View(concern, caller.Principal));
    }

    public override Task<V1.ListConcernsResponse> ListConcerns(V1.ListConcernsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var v = new Validation();
        var pageSize = v.PageSize(request.PageSize);
        var after = PageToken.Decode(request.PageToken, v);
        var status = request.Status.ToDomain("status", v);
        var type = request.Type.ToDomain("type", v);
        var centreId = Names.OptionalCentreId(request.Centre, "centre", v);
        v.ThrowIfInvalid();

        var today = Today;
        var matching = repository.All()
            .Where(c => ConcernAccess.MaySee(caller.Principal, c)
                && (status == ConcernStatus.Unspecified || c.Status == status)
                && (type == ConcernType.Unspecified || c.Type == type)
                && (centreId is null || c.CentreId == centreId)
                && (!request.OverdueOnly || c.IsOverdue(today))
                && (!request.OpenOnly || !c.IsClosed))
            .OrderBy(c => c.IsClosed)
            .ThenBy(c => c.DueDate ?? DateOnly.MaxValue)
            .ThenBy(c => c.Raised)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var (page, next) = PageToken.Page(matching, c => c.Id, after, pageSize, orderedByKey: false);
        var response = new V1.ListConcernsResponse { TotalSize = matching.Count, NextPageToken = next };
        foreach (var c in page)
        {
            response.Concerns.Add(View(c, caller.Principal));
            caller.Audit.Touch(c.ResourceName);
        }
        return Task.FromResult(response);
    }

    public override async Task<V1.Concern> RecordConcernAction(V1.RecordConcernActionRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var v = new Validation();
        var id = ConcernNames.IdOf(request.Concern);
        v.Require(id is not null, "concern", "must be \"concerns/{concern}\"");
        var action = request.Action.ToDomain();
        v.Require(action != ConcernAction.Unspecified, "action", "is required");
        var note = request.Note.Trim();
        if (ConcernRules.NoteRequiredFor(action) is { } what) v.Require(note.Length > 0, "note", $"give {what}");
        v.OptionalText(request.Note, "note", ConcernRules.MaxText);
        var today = Today;
        var date = request.Date.ToDomain("date", v) ?? today;
        v.Require(date <= today, "date", "must not be in the future");
        v.Require(request.Date is null || action is ConcernAction.AlertNaccc or ConcernAction.RecordNacccResponse, "date", "only for alerting NACCC or recording its response");
        string? link = null;
        if (action == ConcernAction.LinkCentre)
        {
            link = Names.CentreId(request.Centre);
            v.Require(link is not null, "centre", "give the register entry, \"centres/{centre}\"");
        }
        else v.Require(request.Centre.Length == 0, "centre", "only for linking to a register entry");
        v.ThrowIfInvalid();
        if (link is not null && register.Get(link) is null) throw RuleViolation.NotFound(Names.Centre(link));

        var stored = await repository.UpdateAsync(id!, request.Etag, c =>
            ConcernRules.Apply(c, action, note, date, link, caller.Principal.DisplayName, time.GetUtcNow(), UkClock.Today(time), deadlines),
            caller.Audit);
        return View(stored, caller.Principal);
    }

    public override async Task WatchConcerns(V1.WatchConcernsRequest request, IServerStreamWriter<V1.WatchConcernsResponse> responseStream, ServerCallContext context)
    {
        ChangeStream.RequireStart(request.AfterSequence, request.LiveOnly).ThrowIfInvalid();
        var principal = context.Caller().Principal;
        await ChangeStream.FollowAsync(repository.Subscribe(context.CancellationToken), request.AfterSequence, request.LiveOnly,
            repository.ChangesAfter, c => c.Sequence, _ => true,
            c => responseStream.WriteAsync(ToProto(c, principal)), context);
    }

    private V1.WatchConcernsResponse ToProto(ConcernChange change, Principal principal) => new()
    {
        Sequence = change.Sequence,
        Event = ToProto(change.Event, redact: false),
        Concern = View(change.Concern, principal),
    };

    /// <summary>The concern as this caller may see it: NCT in full; the raiser without notes or NACCC correspondence.</summary>
    private V1.Concern View(Concern c, Principal principal)
    {
        var redact = !ConcernAccess.SeesInFull(principal);
        var today = Today;
        var proto = new V1.Concern
        {
            Name = c.ResourceName,
            Type = c.Type.ToProto(),
            Centre = c.CentreId is null ? "" : Names.Centre(c.CentreId),
            Description = c.Description,
            Status = c.Status.ToProto(),
            Closed = c.IsClosed,
            DueDate = c.DueDate.ToProto(),
            Overdue = c.IsOverdue(today),
            RaisedBy = c.RaisedBy,
            RaiseTime = Timestamp.FromDateTimeOffset(c.Raised),
            UpdateTime = Timestamp.FromDateTimeOffset(c.Updated),
            Etag = c.Etag,
        };
        if (c.OrganisationName is not null)
        {
            proto.Organisation = new V1.UnregisteredOrganisation { Name = c.OrganisationName, Address = c.OrganisationAddress ?? "", Offers = c.OrganisationOffers ?? "" };
            proto.Organisation.ContactTypes.AddRange(c.OrganisationContactTypes.Select(t => t.ToProto()));
        }
        if (c.AlertDate is { } alerted)
        {
            proto.NacccAlert = new V1.NacccAlert
            {
                AlertDate = alerted.ToProto(),
                Sent = redact ? "" : c.AlertSent ?? "",
                ResponseDate = c.ResponseDate.ToProto(),
                Response = redact ? "" : c.Response ?? "",
            };
        }
        proto.Timeline.AddRange(c.Timeline.Select(e => ToProto(e, redact)));
        return proto;
    }

    private static V1.ConcernEvent ToProto(ConcernEvent e, bool redact) => new()
    {
        Action = e.Action.ToProto(),
        PreviousStatus = e.PreviousStatus.ToProto(),
        NewStatus = e.NewStatus.ToProto(),
        Note = redact ? "" : e.Note,
        Actor = redact ? "" : e.Actor,
        Time = Timestamp.FromDateTimeOffset(e.Time),
    };


}
