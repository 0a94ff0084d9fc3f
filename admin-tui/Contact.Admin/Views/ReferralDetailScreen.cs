using System.Text;
using Contact.Client;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// One referral: its facts, the children it is about, its flags and every transition. NCT may cancel
/// an open referral, with a reason, after confirming.
/// </summary>
public sealed class ReferralDetailScreen : Screen
{
    private readonly string _name;
    private readonly Label _headline;
    private readonly TextView _facts;
    private readonly TextField _reason;
    private readonly FieldProblems _problems;

    public ReferralDetailScreen(MainWindow shell, string name) : base(shell, "Referral")
    {
        _name = name;
        _headline = new Label { X = 0, Y = 0, Width = Dim.Fill(), Text = "Loading…" };
        _facts = new TextView { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(4), ReadOnly = true, WordWrap = true };
        var problems = new TextView { X = 0, Y = Pos.AnchorEnd(2), Width = Dim.Fill(), Height = 2, ReadOnly = true, WordWrap = true, CanFocus = false };
        _problems = new FieldProblems(problems);
        var reasonLabel = _problems.Track("reason", new Label { X = 0, Y = Pos.AnchorEnd(4), Text = "Reason:" });
        _reason = new TextField { X = 8, Y = Pos.AnchorEnd(4), Width = Dim.Fill() };
        var hint = new Label { X = 8, Y = Pos.AnchorEnd(3), Text = "F8 cancels the referral for this reason, after you confirm." };
        Add(_headline, _facts, reasonLabel, _reason, hint, problems);
        TrackEdits();
    }

    public Referral? Referral { get; private set; }

    public override string Help => """
        One referral: what it is for, the centre, the risk assessment (MOU 2.2.4, 2.2.5), how the
        children will be prepared (policy 1.3), where it stands, any flags with their reason and date,
        and every transition with who made it, when, and their note.
        The children's names are shown here only: they are the family's, read only when needed.
        NCT may cancel an open referral (it becomes cancelled, which is final): type the reason, which
        the server requires, then F8 and confirm. A refusal is told in words, with its clause.
        F8  cancel the referral      F5  refresh      Esc back to the list
        The page refreshes by itself when the referral moves on or is flagged.
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.F8, "Cancel referral", AskCancel),
        new(Key.F5, "Refresh", Load),
    ];

    public override void Reconnected() => Load();

    protected override void ShowProblem(string words) => _headline.Text = words;

    public override void ReferralChanged(Referral referral)
    {
        if (referral.Name == _name) Render(referral);
    }

    public override void Shown()
    {
        _reason.SetFocus();
        Load();
    }

    private void Load() => Call(c => c.Referrals.GetReferralAsync(new GetReferralRequest { Name = _name }).ResponseAsync, Render);

    private void Render(Referral r)
    {
        Referral = r;
        Title = $"Referral — {r.CaseNumber}";
        var flagged = r.Flags.Count > 0;
        _headline.SetScheme(flagged ? Palette.Problem : null);
        _headline.Text = $"{Words.Status(r.Status).ToUpperInvariant()}  · {Words.Type(r.ContactType)}  · {Words.Cut(r.CentreDisplayName, 30)}{(flagged ? "  · FLAGGED" : "")}";
        _facts.Text = Describe(r);
        SetNeedsDraw();
    }

    public static string Describe(Referral r)
    {
        var s = new StringBuilder();
        s.AppendLine($"Case {r.CaseNumber}: {Words.Kind(r.Kind)}, submitted {Words.Time(r.CreateTime)} by {r.FcaId}");
        s.AppendLine($"Centre: {r.CentreDisplayName} ({r.Centre})");
        foreach (var child in r.Children)
            s.AppendLine($"Child: {child.GivenNames} {child.FamilyName}, born {Words.Date(child.BirthDate)}");
        if (r.RiskAssessment is { } risk)
            s.AppendLine($"Risk: {Words.Risk(risk.RiskLevel)}; significant risk: {Words.YesNo(risk.SignificantRiskIdentified)}; conflict: {Words.YesNo(risk.Conflict)}; family aware: {Words.YesNo(r.FamilyAware)}");
        if (r.ChildPreparation is { } prep)
            s.AppendLine($"Preparation: {prep.Plan} (by {prep.DeliveredBy})");
        if (r.ExpectedStartDate is not null) s.AppendLine($"Expected start: {Words.Date(r.ExpectedStartDate)}");
        if (r.DeclineReason != DeclineReason.Unspecified) s.AppendLine($"Declined: {Words.Reason(r.DeclineReason)}");
        s.AppendLine("History:");
        foreach (var t in r.History)
        {
            var detail = t.DeclineReason != DeclineReason.Unspecified ? $" [{Words.Reason(t.DeclineReason)}]"
                : t.ExpectedStartDate is not null ? $" [start {Words.Date(t.ExpectedStartDate)}]" : "";
            s.AppendLine($"  {Words.Time(t.Time)} {Words.Action(t.Action)}: {Words.Status(t.PreviousStatus)} -> {Words.Status(t.NewStatus)} " +
                         $"({t.Actor}, {Words.Role(t.ActorRole)}){detail}{(t.Note.Length > 0 ? " — " + t.Note : "")}");
        }
        foreach (var f in r.Flags)
            s.AppendLine($"FLAGGED {Words.Time(f.RaiseTime)}, {Words.Flag(f.Kind)} from {Words.Date(f.EffectiveDate)}: {f.Reason}");
        return s.ToString();
    }

    private void AskCancel()
    {
        if (Referral is not { } r) return;
        _problems.Clear();
        var reason = _reason.Text.Trim();
        if (reason.Length == 0)
        {
            _problems.Show([new FieldViolation("reason", "is required: say why NCT cancels it")], "Not sent: a cancellation needs its reason.");
            _reason.SetFocus();
            return;
        }
        Shell.Confirm("Cancel referral",
            $"Cancel referral {r.CaseNumber} to {r.CentreDisplayName}?\n\nIt becomes cancelled, which is final.\nReason: {reason}",
            "Cancel the referral", () => Call(c => c.Referrals.CancelReferralAsync(new CancelReferralRequest { Name = _name, Reason = reason }).ResponseAsync, cancelled =>
            {
                _reason.Text = "";
                MarkSaved();
                Render(cancelled);
                Shell.Say($"Cancelled: referral {cancelled.CaseNumber} is now {Words.Status(cancelled.Status)}.");
            }, ex => _problems.Show(ex, Shell.Server)));
    }
}
