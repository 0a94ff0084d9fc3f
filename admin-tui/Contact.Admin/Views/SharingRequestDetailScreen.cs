using System.Text;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// One sharing request, read-only: what NACCC asked, what it was told, and Cafcass's own notes.
/// F6 shows the disclosure statement of the matched case (MOU 2.3.5).
/// </summary>
public sealed class SharingRequestDetailScreen : Screen
{
    private readonly string _name;
    private readonly Label _headline;
    private readonly TextView _facts;

    public SharingRequestDetailScreen(MainWindow shell, string name) : base(shell, "Sharing request")
    {
        _name = name;
        _headline = new Label { X = 0, Y = 0, Width = Dim.Fill(), Text = "Loading…" };
        _facts = new TextView { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true };
        Add(_headline, _facts);
    }

    public SharingRequest? Request { get; private set; }

    public override string Help => """
        One Case Information Sharing Request, read-only (policy 1.8, Annex 1; MOU 2.3): its state and
        due time (call-centre working hours, MOU 2.3.2), the children NACCC named, the FCA NACCC named,
        what NACCC was told (the not-open message, or the allocated FCA's contact details), the FCA's
        answers, and Cafcass's notes, which are never shown to NACCC: the matched case, how the match
        was made and who looked it up.
        F6  the disclosure statement of the matched case: every disclosure made from it (MOU 2.3.5)
        F5  refresh      Esc back to the list
        The request refreshes by itself when it moves on.
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.F6, "Disclosures", ShowDisclosures),
        new(Key.F5, "Refresh", Load),
    ];

    public override void Reconnected() => Load();

    // The stream carries the request as it now stands (in the view NCT lists it): shown as it comes.
    public override void SharingRequestChanged(SharingRequest request)
    {
        if (request.Name == _name) Render(request);
    }

    public override void Shown()
    {
        _facts.SetFocus();
        Load();
    }

    private void Load() => Call(c => c.InformationSharing.GetSharingRequestAsync(new GetSharingRequestRequest { Name = _name }).ResponseAsync, Render);

    private void Render(SharingRequest r)
    {
        Request = r;
        Title = $"Sharing request — {Words.Cut(r.SrsReference, 30)}";
        _headline.SetScheme(r.Overdue ? Palette.Problem : null);
        _headline.Text = $"{Words.State(r.State).ToUpperInvariant()}  · due {Words.Time(r.DueTime)}{(r.Overdue ? "  · OVERDUE" : "")}";
        _facts.Text = Describe(r);
        SetNeedsDraw();
    }

    public static string Describe(SharingRequest r)
    {
        var s = new StringBuilder();
        s.AppendLine($"SRS reference {r.SrsReference}, received {Words.Time(r.ReceiveTime)}");
        s.AppendLine($"Family: {r.FamilyName}; parent wishing contact: {r.ParentWishingContact}; consent to checks: {Words.YesNo(r.PartiesConsentedToChecks)}");
        foreach (var child in r.Children)
        {
            var address = string.Join(", ", child.AddressLines.Append(child.Postcode).Where(x => x.Length > 0));
            s.AppendLine($"Child: {child.GivenNames} {child.FamilyName}, born {Words.Date(child.DateOfBirth)}{(address.Length > 0 ? ", " + address : "")}");
        }
        if (r.NamedFca is { } named) s.AppendLine($"FCA named by NACCC: {Contact(named)}");
        if (r.OutcomeMessage.Length > 0) s.AppendLine($"Outcome: {r.OutcomeMessage} Open in the past: {Words.YesNo(r.OpenInPast)}.");
        if (r.FcaContact is { } fca) s.AppendLine($"FCA contact given to NACCC: {Contact(fca)}");
        if (r.Answer is { } a)
        {
            s.AppendLine($"Answered {Words.Time(a.CompleteTime)} by {(a.CompletedBy is null ? "-" : Contact(a.CompletedBy))}:");
            s.AppendLine($"  open now: {Words.YesNo(a.OpenNow)}; current risk: {Words.YesNo(a.CurrentRisk)}; historic risk: {Words.YesNo(a.HistoricRisk)}; court permission: {Words.YesNo(a.CourtPermission)}");
            foreach (var statement in a.FurtherInformation) s.AppendLine($"  shared with the court's permission: {statement}");
        }
        if (r.Cafcass is { } n)
        {
            s.AppendLine("Cafcass notes (never shown to NACCC):");
            s.AppendLine($"  case: {(n.CaseNumber.Length > 0 ? $"{n.CaseNumber} ({n.Case})" : "none matched")}");
            if (n.MatchNote.Length > 0) s.AppendLine($"  match: {n.MatchNote}");
            if (n.LookedUpBy.Length > 0) s.AppendLine($"  looked up by: {n.LookedUpBy}");
            if (n.NoRiskConfirmationReason.Length > 0) s.AppendLine($"  FCA's reason for \"no risk\" against a flag: {n.NoRiskConfirmationReason}");
            if (n.CandidateCases.Count > 0) s.AppendLine($"  candidates for the call centre: {string.Join(", ", n.CandidateCases)}");
        }
        return s.ToString();
    }

    private static string Contact(FcaContact c) =>
        string.Join(", ", new[] { c.DisplayName, c.Email, c.Phone }.Where(x => x.Length > 0));

    private void ShowDisclosures()
    {
        if (Request?.Cafcass is not { Case.Length: > 0 } notes)
        {
            Shell.Say("No case matched: no disclosure statement.");
            return;
        }
        Call(c => c.InformationSharing.GetDisclosureStatementAsync(new GetDisclosureStatementRequest { Case = notes.Case }).ResponseAsync,
            statement => Shell.Show(new DisclosureStatementScreen(Shell, statement)));
    }
}
