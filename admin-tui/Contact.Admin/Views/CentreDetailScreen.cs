using System.Text;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>One centre: accreditation by level with its history, waiting time, commissioning, contact details.</summary>
public sealed class CentreDetailScreen : Screen
{
    private readonly string _name;
    private readonly Label _headline;
    private readonly TextView _body;

    public CentreDetailScreen(MainWindow shell, string name) : base(shell, "Centre")
    {
        _name = name;
        _headline = new Label { X = 0, Y = 0, Width = Dim.Fill(), Text = "Loading…" };
        _body = new TextView { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true };
        Add(_headline, _body);
    }

    public Centre? Centre { get; private set; }

    public override string Help => """
        One centre in full: its accreditation at each level (standard for supported contact,
        enhanced for supervised contact) with the dated history of decisions, its waiting time,
        whether NCT commissions it now (supervised referrals go only to commissioned services, policy 1.4),
        its contact details, and how many concerns about it are open (triage them under Cases > Concerns).
        F3  edit the centre's details      F4  record an accreditation decision
        F5  refresh                         Esc back to the list
        The page refreshes by itself when this centre's accreditation or a concern about it changes.
        """;

    public override IEnumerable<Shortcut> Shortcuts() =>
    [
        new(Key.F3, "Edit", () => { if (Centre is not null) Shell.Show(new CentreEditScreen(Shell, Centre)); }),
        new(Key.F4, "Decision", () => { if (Centre is not null) Shell.Show(new DecisionScreen(Shell, Centre)); }),
        new(Key.F5, "Refresh", Load),
    ];

    public override void Reconnected() => Load();

    protected override void ShowProblem(string words) => _headline.Text = words;

    public override void Shown()
    {
        _body.SetFocus();
        Load();
    }

    public override void AccreditationChanged(AccreditationChange change)
    {
        if (change.Centre == _name) Soon(Load);
    }

    public override void ConcernChanged(Concern concern)
    {
        if (concern.Centre == _name) Soon(Load);
    }

    private void Load() => Call(async c =>
    {
        var centre = await c.Register.GetCentreAsync(new GetCentreRequest { Name = _name });
        var open = await c.Concerns.ListConcernsAsync(new ListConcernsRequest { Centre = _name, OpenOnly = true, PageSize = 1 });
        return (centre, open.TotalSize);
    }, loaded => Render(loaded.centre, loaded.TotalSize));

    private void Render(Centre c, int openConcerns)
    {
        Centre = c;
        Title = c.DisplayName;
        var headline = Words.Headline(c);
        _headline.SetScheme(Palette.ForStatus(headline));
        _headline.Text = string.Join("  ", new[] { AccreditationLevel.Standard, AccreditationLevel.Enhanced }
            .Select(l => $"{(l == AccreditationLevel.Standard ? "Standard" : "Enhanced")}: {Words.Status(Words.StatusAt(c, l)).ToUpperInvariant()}"))
            + $"  · NCT commissioned: {(c.Commissioning?.CommissionedNow == true ? "yes" : "no")}";
        _body.Text = Describe(c, openConcerns);
        SetNeedsDraw();
    }

    public static string Describe(Centre c, int? openConcerns = null)
    {
        var s = new StringBuilder();
        s.AppendLine($"{c.Name}{(c.Demo ? "  (demo data)" : "")}");
        s.AppendLine($"Organisation: {c.Organisation?.Name}{(string.IsNullOrEmpty(c.Organisation?.CharityNumber) ? "" : $" (charity {c.Organisation.CharityNumber})")}");
        s.AppendLine($"Setting: {Words.Setting(c.Setting)}   Contact: {string.Join(", ", c.ContactTypes.Select(Words.Type))}");
        s.AppendLine($"Address: {string.Join(", ", (c.Address?.Lines ?? []).Append(c.Address?.Town ?? "").Append(c.Address?.Postcode ?? "").Where(x => x.Length > 0))}");
        s.AppendLine($"Region: {(c.Region.Length == 0 ? "-" : c.Region)}");
        s.AppendLine($"Waiting time: {(c.WaitingTime is null ? "not given" : $"{c.WaitingTime.Weeks} weeks (confirmed {Words.Date(c.WaitingTime.ConfirmedDate)})")}");
        var contract = c.Commissioning;
        s.AppendLine(contract is null || contract.ContractReference.Length == 0
            ? "Commissioning: not commissioned by NCT"
            : $"Commissioning: {contract.ContractReference}, {Words.Date(contract.Period?.StartDate)} to {Words.Date(contract.Period?.EndDate)}, {(contract.CommissionedNow ? "in force now" : "not in force now")}");
        if (c.ContactDetails is { } d) s.AppendLine($"Phone: {Or(d.Phone)}   Email: {Or(d.Email)}   Web: {Or(d.Website)}");
        s.AppendLine($"Open concerns: {(openConcerns is { } n ? n.ToString() : "-")}{(openConcerns > 0 ? " (Cases > Concerns to triage)" : "")}");
        foreach (var a in c.Accreditations.OrderBy(a => a.Level))
        {
            s.AppendLine();
            s.AppendLine($"{Words.Level(a.Level)}: {Words.Status(a.Status).ToUpperInvariant()}  granted {Words.Date(a.GrantedDate)}, renewal due {Words.Date(a.RenewalDueDate)}");
            foreach (var h in a.History.OrderByDescending(h => h.Sequence))
                s.AppendLine($"  {Words.Date(h.EffectiveDate)} {Words.Action(h.Action)}: {Words.Status(h.PreviousStatus)} -> {Words.Status(h.NewStatus)} — {h.Reason} ({h.Actor})");
        }
        if (c.Accreditations.Count == 0) s.AppendLine().AppendLine("No accreditation recorded.");
        return s.ToString();
    }

    private static string Or(string s) => s.Length == 0 ? "-" : s;
}
