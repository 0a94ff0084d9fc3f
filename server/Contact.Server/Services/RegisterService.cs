using System.Text;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Register;
using Contact.Server.Security;
using Contact.Server.Storage;
using Grpc.Core;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>The register over gRPC: validates, maps, and hands over to the domain and the store.</summary>
public sealed class RegisterService(RegisterIndex index, RegisterRepository repository, PostcodeDirectory postcodes, CentreViews views, TimeProvider time)
    : V1.RegisterService.RegisterServiceBase
{
    private const int MaxImportRows = 5_000;

    private DateOnly Today => UkClock.Today(time);

    public override Task<V1.Centre> GetCentre(V1.GetCentreRequest request, ServerCallContext context) =>
        Task.FromResult(Find(request.Name, "name").ToProto(Today));

    public override Task<V1.ListCentresResponse> ListCentres(V1.ListCentresRequest request, ServerCallContext context)
    {
        var v = new Validation();
        var pageSize = v.PageSize(request.PageSize);
        var after = PageToken.Decode(request.PageToken, v);
        var type = request.ContactType.ToDomain("contact_type", v);
        var setting = request.Setting.ToDomain("setting", v);
        var status = request.Status.ToDomain("status", v);
        v.OptionalText(request.Text, "text", 200).OptionalText(request.Region, "region", 60).ThrowIfInvalid();

        var today = Today;
        var words = request.Text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool Matches(Centre c) =>
            (type == ContactKind.Unspecified || c.ContactTypes.Contains(type))
            && (setting == Setting.Unspecified || c.Setting == setting)
            && (request.Region.Length == 0 || string.Equals(c.Region, request.Region.Trim(), StringComparison.OrdinalIgnoreCase))
            && (status == AccreditationStatus.Unspecified || HasStatus(c, type, status, today))
            && words.All(w => Haystack(c).Contains(w, StringComparison.Ordinal));

        var matching = index.All().Where(Matches).ToList();
        // The index is in ordinal id order.
        var (page, next) = PageToken.Page(matching, c => c.Id, after, pageSize, orderedByKey: true);
        var response = new V1.ListCentresResponse { TotalSize = matching.Count, NextPageToken = next };
        response.Centres.AddRange(page.Select(c => c.ToProto(today)));
        return Task.FromResult(response);
    }

    public override async Task<V1.Centre> CreateCentre(V1.CreateCentreRequest request, ServerCallContext context)
    {
        if (request.Centre is null) throw RuleViolation.Invalid("centre", "is required");
        var centre = ReadCentre(request.Centre, "centre");
        var stored = await repository.CreateAsync(centre, context.Caller().Audit);
        return stored.ToProto(Today);
    }

    public override async Task<V1.Centre> UpdateCentre(V1.UpdateCentreRequest request, ServerCallContext context)
    {
        if (request.Centre is null) throw RuleViolation.Invalid("centre", "is required");
        var id = CentreId(request.Centre.Name, "centre.name");
        var paths = request.UpdateMask?.Paths.ToList() ?? [];
        var v = new Validation().Require(paths.Count > 0, "update_mask", "name the fields to change");
        foreach (var path in paths.Where(p => !CentreEditing.UpdatablePaths.Contains(p)))
            v.Add("update_mask", $"'{path}' cannot be updated; updatable: {string.Join(", ", CentreEditing.UpdatablePaths)}");
        var changes = request.Centre.ToDomain("centre", v);
        v.ThrowIfInvalid();
        if (index.Get(id) is null) throw RuleViolation.NotFound(Names.Centre(id));

        // A new address without a new location moves the centre to its postcode.
        if (paths.Contains("address") && !paths.Contains("location") && ResolveLocation(changes, "centre.address.postcode") is { } point)
        {
            (changes.Latitude, changes.Longitude) = (point.Latitude, point.Longitude);
            paths.Add("location");
        }

        var stored = await repository.UpdateAsync(id, request.Centre.Etag, c =>
        {
            CentreEditing.ApplyMask(changes, c, paths);
            CentreRules.Validate(c);
            return [];
        }, context.Caller().Audit);
        return stored.ToProto(Today);
    }

    public override async Task<V1.ImportCentresResponse> ImportCentres(V1.ImportCentresRequest request, ServerCallContext context)
    {
        new Validation()
            .Require(request.Centres.Count > 0, "centres", "at least one row is required")
            .Require(request.Centres.Count <= MaxImportRows, "centres", $"at most {MaxImportRows} rows")
            .ThrowIfInvalid();

        var response = new V1.ImportCentresResponse();
        var accepted = new List<(Centre Centre, bool IsNew)>();
        var acceptedIndexes = new List<int>();
        for (var i = 0; i < request.Centres.Count; i++)
        {
            var row = request.Centres[i];
            var result = new V1.ImportRowResult { Index = i };
            response.Results.Add(result);
            try
            {
                var isNew = string.IsNullOrEmpty(row.Name);
                var id = isNew ? null : CentreId(row.Name, $"centres[{i}].name");
                if (id is not null && index.Get(id) is null) throw RuleViolation.NotFound(Names.Centre(id));
                var centre = ReadCentre(row, $"centres[{i}]");
                if (id is not null) centre.Id = id;
                accepted.Add((centre, isNew));
                acceptedIndexes.Add(i);
            }
            catch (RuleViolation refused)
            {
                result.Errors.AddRange(refused.Fields.Count > 0 ? refused.Fields.Select(f => $"{f.Field}: {f.Description}") : [refused.Message]);
                response.FailedCount++;
            }
        }

        if (!request.ValidateOnly && accepted.Count > 0)
        {
            var stored = await repository.ImportAsync(accepted, context.Caller().Audit);
            for (var k = 0; k < stored.Count; k++) response.Results[acceptedIndexes[k]].Centre = stored[k].ResourceName;
        }
        response.CreatedCount = accepted.Count(a => a.IsNew);
        response.UpdatedCount = accepted.Count - response.CreatedCount;
        return response;
    }

    public override async Task<V1.Centre> RecordAccreditationDecision(V1.RecordAccreditationDecisionRequest request, ServerCallContext context)
    {
        var v = new Validation();
        var id = Names.CentreId(request.Centre, "centre", v);
        var level = request.Level.ToDomain("level", v);
        var action = request.Action.ToDomain("action", v);
        v.Require(level != AccreditationLevel.Unspecified, "level", "is required");
        v.Require(action != AccreditationAction.Unspecified, "action", "is required");
        v.RequireText(request.Reason, "reason", 1000);
        var today = Today;
        var effective = request.EffectiveDate.ToDomain("effective_date", v) ?? today;
        var renewal = request.RenewalDueDate.ToDomain("renewal_due_date", v);
        v.Require(effective <= today, "effective_date", "must not be in the future");
        v.Require(renewal is null || action is AccreditationAction.Grant or AccreditationAction.Renew, "renewal_due_date", "only for grant or renew");
        v.ThrowIfInvalid();

        var caller = context.Caller();
        var stored = await repository.UpdateAsync(id!, request.Etag, c =>
            AccreditationRules.Apply(c, level, action, effective, renewal, request.Reason.Trim(), caller.Principal.DisplayName, time.GetUtcNow(), UkClock.Today(time)),
            caller.Audit);
        return stored.ToProto(Today);
    }

    public override async Task<V1.Centre> UpdateWaitingTime(V1.UpdateWaitingTimeRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var id = CentreId(request.Centre, "centre");
        // A centre keeps only its own waiting time; it is not told whether other centres exist.
        CentreAccess.CheckWaitingTime(caller.Principal, id);
        var v = new Validation().Require(request.Weeks is >= 0 and <= CentreRules.MaxWaitingWeeks, "weeks", $"must be from 0 to {CentreRules.MaxWaitingWeeks}");
        var today = Today;
        var confirmed = request.ConfirmedDate.ToDomain("confirmed_date", v) ?? today;
        v.Require(confirmed <= today, "confirmed_date", "must not be in the future").ThrowIfInvalid();

        var stored = await repository.UpdateAsync(id, null, c =>
        {
            c.WaitingWeeks = request.Weeks;
            c.WaitingConfirmed = confirmed;
            return [];
        }, caller.Audit);
        return stored.ToProto(today);
    }

    public override Task<V1.FindNearestCentresResponse> FindNearestCentres(V1.FindNearestCentresRequest request, ServerCallContext context)
    {
        var v = new Validation();
        var type = request.ContactType.ToDomain("contact_type", v);
        v.Require(type != ContactKind.Unspecified, "contact_type", "is required");
        var setting = request.Setting.ToDomain("setting", v);
        var order = request.OrderBy.Checked("order_by", v);
        var view = request.View.Checked("view", v);
        v.Require(double.IsFinite(request.MaxDistanceKm) && request.MaxDistanceKm is >= 0 and <= 1000, "max_distance_km", "must be from 0 to 1000 (0 for the default of 50)");
        v.Require(request.Limit is >= 0 and <= 100, "limit", "must be from 0 to 100 (0 for the default of 10)");
        v.Require(request.OriginCase != V1.FindNearestCentresRequest.OriginOneofCase.None, "origin", "give a postcode or a location");
        if (request.OriginCase == V1.FindNearestCentresRequest.OriginOneofCase.Location)
            v.Require(GeoPoint.IsValid(request.Location.Latitude, request.Location.Longitude), "location", "latitude must be within ±90 and longitude within ±180");
        v.ThrowIfInvalid();

        var response = new V1.FindNearestCentresResponse();
        GeoPoint origin;
        if (request.OriginCase == V1.FindNearestCentresRequest.OriginOneofCase.Postcode)
        {
            var (_, point, how) = postcodes.Resolve(request.Postcode, "postcode");
            origin = point;
            response.OriginResolution = how == PostcodeResolution.Postcode ? V1.OriginResolution.Postcode : V1.OriginResolution.DistrictCentroid;
        }
        else
        {
            origin = new GeoPoint(request.Location.Latitude, request.Location.Longitude);
            response.OriginResolution = V1.OriginResolution.Coordinates;
        }
        response.Origin = new V1.GeoPoint { Latitude = origin.Latitude, Longitude = origin.Longitude };

        var today = Today;
        // The domain's one answer, shared with the public find-a-centre page (policy 1.2; MOU 2.1.2).
        var query = new NearestCentresQuery(origin, type, setting, request.CommissionedOnly,
            MaxDistanceKm: request.MaxDistanceKm == 0 ? 50 : request.MaxDistanceKm,
            Limit: request.Limit == 0 ? 10 : request.Limit,
            ByWaitingTime: order == V1.NearestOrder.WaitingTime);
        var found = query.Run(index, today);
        var results = new V1.NearestCentre[found.Count];
        var i = 0;
        foreach (var (centre, km) in found)
        {
            var result = new V1.NearestCentre
            {
                DistanceKm = Math.Round(km, 2),
                DistanceMiles = Math.Round(km / GeoPoint.KmPerMile, 2),
            };
            switch (view)
            {
                case V1.CentreView.Full: result.Centre = centre.ToProto(today); break;
                case V1.CentreView.Basic: result.Centre = views.Basic(centre, today); break;
                default: result.Summary = views.Summary(centre, today); break; // SUMMARY, also when unset
            }
            if (views.WaitingTime(centre, today) is { } wait) result.WaitingTime = wait;
            results[i++] = result;
        }
        response.Results.AddRange(results); // sized once: growing a RepeatedField one by one showed in the profile
        return Task.FromResult(response);
    }

    public override Task<V1.CheckAccreditationResponse> CheckAccreditation(V1.CheckAccreditationRequest request, ServerCallContext context)
    {
        var v = new Validation();
        var type = request.ContactType.ToDomain("contact_type", v);
        IEnumerable<Centre> matches;
        switch (request.SubjectCase)
        {
            case V1.CheckAccreditationRequest.SubjectOneofCase.Centre:
                var id = Names.CentreId(request.Centre, "centre", v);
                v.ThrowIfInvalid();
                matches = index.Get(id!) is { } one ? [one] : [];
                break;
            case V1.CheckAccreditationRequest.SubjectOneofCase.OrganisationName:
                v.RequireText(request.OrganisationName, "organisation_name", 160).ThrowIfInvalid();
                var key = CentreRules.OrganisationKey(request.OrganisationName);
                matches = index.All().Where(c => CentreRules.OrganisationKey(c.OrganisationName) == key);
                break;
            case V1.CheckAccreditationRequest.SubjectOneofCase.CharityNumber:
                v.RequireText(request.CharityNumber, "charity_number", 20).ThrowIfInvalid();
                var number = CentreRules.CharityKey(request.CharityNumber);
                matches = index.All().Where(c => c.CharityNumber is not null && CentreRules.CharityKey(c.CharityNumber) == number);
                break;
            default:
                throw RuleViolation.Invalid("subject", "give a centre, an organisation_name or a charity_number");
        }
        v.ThrowIfInvalid();

        var today = Today;
        var response = new V1.CheckAccreditationResponse();
        foreach (var c in matches)
        {
            var accredited = type == ContactKind.Unspecified ? AccreditationRules.IsAccreditedAtAnyLevel(c, today) : AccreditationRules.IsAccreditedFor(c, type, today);
            var check = new V1.AccreditationCheck
            {
                Centre = c.ResourceName,
                DisplayName = c.DisplayName,
                Organisation = new V1.Organisation { Name = c.OrganisationName, CharityNumber = c.CharityNumber ?? "" },
                Accredited = accredited,
            };
            check.Accreditations.AddRange(c.Accreditations.Select(a => a.ToProto(today)));
            response.Centres.Add(check);
        }
        response.Known = response.Centres.Count > 0;
        response.Accredited = response.Centres.Any(c => c.Accredited);
        return Task.FromResult(response);
    }

    public override async Task WatchAccreditationChanges(V1.WatchAccreditationChangesRequest request,
        IServerStreamWriter<V1.WatchAccreditationChangesResponse> responseStream, ServerCallContext context)
    {
        var v = ChangeStream.RequireStart(request.AfterSequence, request.LiveOnly);
        var centreId = Names.OptionalCentreId(request.Centre, "centre", v);
        v.ThrowIfInvalid();
        await ChangeStream.FollowAsync(repository.Subscribe(context.CancellationToken), request.AfterSequence, request.LiveOnly,
            (after, max) => repository.ChangesAfter(after, centreId, max), c => c.Sequence, c => centreId is null || c.CentreId == centreId,
            c => responseStream.WriteAsync(new V1.WatchAccreditationChangesResponse { Change = c.ToProto() }), context);
    }

    private Centre ReadCentre(V1.Centre proto, string prefix)
    {
        var v = new Validation();
        var centre = proto.ToDomain(prefix, v);
        v.ThrowIfInvalid();
        var hasLocation = proto.Location is not null;
        CentreRules.Validate(centre, prefix, needsLocation: hasLocation);
        if (!hasLocation && ResolveLocation(centre, $"{prefix}.address.postcode") is { } point)
            (centre.Latitude, centre.Longitude) = (point.Latitude, point.Longitude);
        return centre;
    }

    private GeoPoint? ResolveLocation(Centre centre, string field)
    {
        try
        {
            return postcodes.Resolve(centre.Postcode, field).Point;
        }
        catch (RuleViolation ex) when (ex.Reason == Reasons.UnknownPostcode)
        {
            throw RuleViolation.Invalid(field, "is not in the postcode table; give the location as well");
        }
    }

    private Centre Find(string name, string field) =>
        index.Get(CentreId(name, field)) ?? throw RuleViolation.NotFound(name);

    private static string CentreId(string name, string field) =>
        Names.RequireCentreId(name, field);

    private static bool HasStatus(Centre c, ContactKind type, AccreditationStatus status, DateOnly today) =>
        type == ContactKind.Unspecified
            ? c.Accreditations.Any(a => AccreditationRules.EffectiveStatus(a, today) == status)
              || (status == AccreditationStatus.NotAccredited && c.Accreditations.Count == 0)
            : AccreditationRules.EffectiveStatus(c.Accreditation(AccreditationRules.LevelFor(type)), today) == status;

    private static string Haystack(Centre c) => $"{c.DisplayName} {c.OrganisationName} {c.Town} {c.Postcode}".ToLowerInvariant();
}
