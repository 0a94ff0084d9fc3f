using Contact.Client;
using Contact.V1;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>Issues an API key for one role; practitioners are tied to an FCA, contact centres to their centre.</summary>
public sealed class IssueKeyScreen : Screen
{
    private static readonly Role[] Roles =
        [Role.NctOperator, Role.Naccc, Role.Practitioner, Role.CallCentre, Role.ContactCentre, Role.CaseSystem, Role.Auditor];

    private readonly TextField _holder, _fca, _centre, _days;
    private readonly OptionSelector _role;
    private readonly FieldProblems _problems;

    public IssueKeyScreen(MainWindow shell) : base(shell, "Issue an API key")
    {
        var problems = new TextView { X = 0, Y = 13, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, CanFocus = false };
        _problems = new FieldProblems(problems);
        var holderLabel = _problems.Track("display_name", new Label { X = 0, Y = 0, Text = "Holder:" });
        _holder = new TextField { X = 14, Y = 0, Width = Dim.Fill() };
        var roleLabel = _problems.Track("roles", new Label { X = 0, Y = 1, Text = "Role:" });
        _role = new OptionSelector { X = 14, Y = 1, Labels = [.. Roles.Select(Words.Role)], Value = null, TabBehavior = TabBehavior.NoStop };
        var fcaLabel = _problems.Track("fca_id", new Label { X = 0, Y = 9, Text = "FCA id:" });
        _fca = new TextField { X = 14, Y = 9, Width = 20 };
        var fcaHint = new Label { X = 36, Y = 9, Text = "practitioners only" };
        var centreLabel = _problems.Track("centre", new Label { X = 0, Y = 10, Text = "Centre:" });
        _centre = new TextField { X = 14, Y = 10, Width = 20 };
        var centreHint = new Label { X = 36, Y = 10, Text = "contact centres: part of its name" };
        var daysLabel = _problems.Track("valid_days", new Label { X = 0, Y = 11, Text = "Valid days:" });
        _days = new TextField { X = 14, Y = 11, Width = 6, Text = "365" };
        var issue = new Button { ShadowStyle = ShadowStyles.None, X = 36, Y = 11, Text = "Issue (Ctrl+S)" };
        issue.Accepting += (_, e) => { e.Handled = true; Issue(); };
        Add(holderLabel, _holder, roleLabel, _role, fcaLabel, _fca, fcaHint, centreLabel, _centre, centreHint, daysLabel, _days, issue, problems);
        TrackEdits();
    }

    public override string Help => """
        Issues a key for one holder and one role. A practitioner's key is tied to the FCA they work in;
        a contact centre's key to its centre: type part of its name (or town, or postcode); it must
        match one centre. The secret is shown once, on the next screen. No role is chosen until you choose one.
        Tab / Shift+Tab  move between fields     Arrows, Space  choose the role
        Ctrl+S  issue                            Esc  leave (asks first if you typed anything)
        """;

    public override IEnumerable<Shortcut> Shortcuts() => [new(Key.S.WithCtrl, "Issue", Issue)];

    public override void Shown() => _holder.SetFocus();

    private void Issue()
    {
        if (!int.TryParse(_days.Text.Trim(), out var days))
        {
            _problems.Show([new FieldViolation("valid_days", "must be a whole number of days")], "Please correct:");
            return;
        }
        if (_role.Value is not { } role)
        {
            _problems.Show([new FieldViolation("roles", "choose the key's role (arrows, then Space)")], "Not issued. Please correct:");
            return;
        }
        var request = new IssueApiKeyRequest { DisplayName = _holder.Text.Trim(), FcaId = _fca.Text.Trim(), ValidDays = days };
        request.Roles.Add(Roles[role]);
        _problems.Clear();
        var typed = _centre.Text;
        Call(async c =>
        {
            // The centre is typed as the operator knows it; the key is tied to its register entry.
            var (centre, problem) = await CentreNames.ResolveAsync(c, typed);
            if (problem is not null) return (Issued: (IssueApiKeyResponse?)null, Problem: problem);
            request.Centre = centre!;
            return (Issued: await c.Access.IssueApiKeyAsync(request).ResponseAsync, Problem: (string?)null);
        }, result =>
        {
            if (result.Problem is not null)
            {
                _problems.Show([new FieldViolation("centre", result.Problem)], "Not issued. Please correct:");
                return;
            }
            var issued = result.Issued!;
            MarkSaved();
            Shell.Back();
            Shell.Show(new SecretScreen(Shell, issued.ApiKey.DisplayName, issued.Secret));
            Shell.Say($"Issued a key for {issued.ApiKey.DisplayName} ({issued.ApiKey.Name}).");
        }, ex => _problems.Show(ex, Shell.Server));
    }
}
