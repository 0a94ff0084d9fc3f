using System.Globalization;
using Contact.Client;
using Contact.V1;
using Google.Protobuf.WellKnownTypes;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>
/// Creates a centre, or edits one's details. The server validates; its field violations are
/// marked beside the fields and listed under the form.
/// </summary>
public sealed class CentreEditScreen : Screen
{
    private static readonly ContactType[] TypeOrder = [ContactType.Supported, ContactType.Supervised, ContactType.Handover, ContactType.Indirect];

    private Centre? _original;   // the version the form was loaded from (a fresher one after an edit conflict)
    private readonly FieldProblems _problems;
    private readonly TextField _name, _organisation, _charity, _lines, _town, _postcode, _region, _latitude, _longitude,
        _phone, _email, _website, _contract, _contractStart, _contractEnd;
    private readonly OptionSelector _setting;
    private readonly CheckBox[] _types;
    private readonly List<Input> _inputs = [];

    // One input of the form as words: its caption, how a centre fills it, and its value now.
    private sealed record Input(string Caption, Func<Centre?, string> From, Func<string> Get, Action<string> Set);

    public CentreEditScreen(MainWindow shell, Centre? original) : base(shell, original is null ? "New centre" : $"Edit — {original.DisplayName}")
    {
        _original = original;
        var problems = new TextView { X = 0, Y = 12, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, CanFocus = false };
        _problems = new FieldProblems(problems);

        TextField Field(string path, string caption, int x, int y, int labelWidth, int width, Func<Centre?, string> from, string? name = null)
        {
            var label = _problems.Track(path, new Label { X = x, Y = y, Text = caption });
            var field = new TextField { X = x + labelWidth, Y = y, Width = width < 0 ? Dim.Fill() : width };
            Add(label, field);
            _inputs.Add(new(name ?? caption.TrimEnd(':'), from, () => field.Text, v => field.Text = v));
            return field;
        }

        _name = Field("display_name", "Name:", 0, 0, 14, -1, c => c?.DisplayName ?? "");
        _organisation = Field("organisation.name", "Organisation:", 0, 1, 14, 36, c => c?.Organisation?.Name ?? "");
        _charity = Field("organisation.charity_number", "Charity no:", 52, 1, 12, -1, c => c?.Organisation?.CharityNumber ?? "");

        string[] settings = ["Centre-based", "Community"];
        Add(_problems.Track("setting", new Label { X = 0, Y = 2, Text = "Setting:" }));
        _setting = new OptionSelector
        {
            X = 14, Y = 2, Orientation = Orientation.Horizontal, Labels = settings, TabBehavior = TabBehavior.NoStop,
        };
        Add(_setting);
        _inputs.Add(new("Setting", c => settings[c?.Setting == DeliverySetting.Community ? 1 : 0],
            () => settings[_setting.Value == 1 ? 1 : 0], v => _setting.Value = Array.IndexOf(settings, v) == 1 ? 1 : 0));

        Add(_problems.Track("contact_types", new Label { X = 0, Y = 3, Text = "Contact:" }));
        _types = TypeOrder.Select((t, i) => new CheckBox { X = 14 + i * 15, Y = 3, Text = Words.Type(t) }).ToArray();
        Add(_types);
        _inputs.Add(new("Contact types",
            c => string.Join(", ", TypeOrder.Where(t => c?.ContactTypes.Contains(t) == true).Select(Words.Type)),
            () => string.Join(", ", TypeOrder.Where((_, i) => _types[i].Value == CheckState.Checked).Select(Words.Type)),
            v =>
            {
                var chosen = v.Split(", ", StringSplitOptions.RemoveEmptyEntries);
                for (var i = 0; i < TypeOrder.Length; i++)
                    _types[i].Value = chosen.Contains(Words.Type(TypeOrder[i])) ? CheckState.Checked : CheckState.UnChecked;
            }));

        _lines = Field("address.lines", "Address:", 0, 4, 14, -1, c => string.Join(" | ", c?.Address?.Lines ?? []));
        _town = Field("address.town", "Town:", 0, 5, 14, 20, c => c?.Address?.Town ?? "");
        _postcode = Field("address.postcode", "Postcode:", 35, 5, 10, 10, c => c?.Address?.Postcode ?? "");
        _region = Field("region", "Region:", 56, 5, 8, -1, c => c?.Region ?? "");
        KnownValues.Complete(_region, KnownValues.Regions);
        _latitude = Field("location", "Latitude:", 0, 6, 14, 12, c => c?.Location is { } p ? p.Latitude.ToString(CultureInfo.InvariantCulture) : "");
        _longitude = Field("location", "Longitude:", 28, 6, 11, 12, c => c?.Location is { } p ? p.Longitude.ToString(CultureInfo.InvariantCulture) : "");
        Add(new Label { X = 52, Y = 6, Text = "blank: from postcode" });
        _phone = Field("contact_details.phone", "Phone:", 0, 7, 14, 20, c => c?.ContactDetails?.Phone ?? "");
        _email = Field("contact_details.email", "Email:", 35, 7, 7, -1, c => c?.ContactDetails?.Email ?? "");
        _website = Field("contact_details.website", "Website:", 0, 8, 14, -1, c => c?.ContactDetails?.Website ?? "");
        _contract = Field("commissioning.contract_reference", "NCT contract:", 0, 9, 14, 16, c => c?.Commissioning?.ContractReference ?? "");
        _contractStart = Field("commissioning.period.start_date", "From:", 31, 9, 6, 11, c => Date(c?.Commissioning?.Period?.StartDate), "Contract from");
        _contractEnd = Field("commissioning.period.end_date", "To:", 49, 9, 4, 11, c => Date(c?.Commissioning?.Period?.EndDate), "Contract to");
        Add(new Label { X = 65, Y = 9, Text = "yyyy-mm-dd" });

        var save = new Button { ShadowStyle = ShadowStyles.None, X = 0, Y = 10, Text = "Save (Ctrl+S)" };
        var cancel = new Button { ShadowStyle = ShadowStyles.None, X = Pos.Right(save) + 2, Y = 10, Text = "Cancel" };
        save.Accepting += (_, e) => { e.Handled = true; Save(); };
        cancel.Accepting += (_, e) => { e.Handled = true; Shell.Back(); };
        Add(save, cancel, problems);
        Load(original);
    }

    // Fills every input from the centre as stored, and counts that as the saved state.
    private void Load(Centre? centre)
    {
        foreach (var input in _inputs) input.Set(input.From(centre));
        TrackEdits();
    }

    public override string Help => """
        The centre's register entry. Name, organisation, town, a valid UK postcode, the setting and at
        least one contact type are required. Address lines are separated by "|". Leave latitude and
        longitude blank to place the centre at its postcode. A centre commissioned by NCT needs its
        contract reference and start date. Fields the server refuses are marked with "!" and listed below.
        Region is matched as typed: "york" is Yorkshire and The Humber; leaving the field completes it.
        Ctrl+S saves; Esc leaves without saving. If someone else saved the centre after you opened it,
        Save shows each field that now differs, the server's value beside yours, and lets you re-apply
        your edits on the new version (then Ctrl+S again) or drop them; nothing is saved until you do.
        """;

    public override IEnumerable<Shortcut> Shortcuts() => [new(Key.S.WithCtrl, "Save", Save)];

    public override void Shown() => _name.SetFocus();

    internal TextField RegionField => _region;

    private static string Date(Google.Type.Date? d) => d is null || d.Year == 0 ? "" : Words.Date(d);

    private void Save()
    {
        var problems = new List<FieldViolation>();
        var centre = new Centre
        {
            Name = _original?.Name ?? "",
            Etag = _original?.Etag ?? "",
            DisplayName = _name.Text.Trim(),
            Organisation = new Organisation { Name = _organisation.Text.Trim(), CharityNumber = _charity.Text.Trim() },
            Setting = _setting.Value == 1 ? DeliverySetting.Community : DeliverySetting.CentreBased,
            Address = new PostalAddress { Town = _town.Text.Trim(), Postcode = _postcode.Text.Trim() },
            Region = KnownValues.Resolve(_region.Text, KnownValues.Regions),
            ContactDetails = new ContactDetails { Phone = _phone.Text.Trim(), Email = _email.Text.Trim(), Website = _website.Text.Trim() },
        };
        centre.ContactTypes.AddRange(TypeOrder.Where((_, i) => _types[i].Value == CheckState.Checked));
        centre.Address.Lines.AddRange(_lines.Text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        var hasLat = _latitude.Text.Trim().Length > 0;
        var hasLon = _longitude.Text.Trim().Length > 0;
        if (hasLat || hasLon)
        {
            if (double.TryParse(_latitude.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(_longitude.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
                centre.Location = new GeoPoint { Latitude = lat, Longitude = lon };
            else problems.Add(new("location", "give both latitude and longitude as numbers, e.g. 52.95 and -1.15, or neither"));
        }
        if (_contract.Text.Trim().Length > 0 || _contractStart.Text.Trim().Length > 0)
        {
            centre.Commissioning = new Commissioning { ContractReference = _contract.Text.Trim(), Period = new DateRange() };
            if (Words.TryParseDate(_contractStart.Text, out var start)) centre.Commissioning.Period.StartDate = start;
            else problems.Add(new("commissioning.period.start_date", "must be a date like 2026-04-01"));
            if (Words.TryParseDate(_contractEnd.Text, out var end)) centre.Commissioning.Period.EndDate = end;
            else problems.Add(new("commissioning.period.end_date", "must be a date like 2027-03-31"));
        }
        if (problems.Count > 0) { _problems.Show(problems, "Please correct:"); return; }

        _problems.Clear();
        if (_original is null)
        {
            Call(c => c.Register.CreateCentreAsync(new CreateCentreRequest { Centre = centre }).ResponseAsync, created =>
            {
                MarkSaved();
                Shell.Back();
                Shell.Show(new CentreDetailScreen(Shell, created.Name));
                Shell.Say($"Created {created.DisplayName} ({created.Name}).");
            }, ex => _problems.Show(ex, Shell.Server));
            return;
        }

        var mask = new FieldMask();
        mask.Paths.AddRange(["display_name", "organisation", "setting", "contact_types", "address", "region", "contact_details", "commissioning"]);
        if (centre.Location is not null) mask.Paths.Add("location");
        Call(c => c.Register.UpdateCentreAsync(new UpdateCentreRequest { Centre = centre, UpdateMask = mask }).ResponseAsync, updated =>
        {
            MarkSaved();
            Shell.Back();
            Shell.Say($"Saved {updated.DisplayName}.");
        }, ex =>
        {
            if (IsStale(ex)) Conflict();
            else _problems.Show(ex, Shell.Server);
        });
    }

    // Someone saved the centre since the form was loaded: show both sides, keep what was typed until the operator chooses.
    private void Conflict()
    {
        var loaded = _original!;
        var typed = _inputs.Select(i => i.Get()).ToList();
        Call(c => c.Register.GetCentreAsync(new GetCentreRequest { Name = loaded.Name }).ResponseAsync, fresh =>
        {
            var rows = _inputs.Select((input, i) => new EditConflictScreen.Row(input.Caption, input.From(loaded), input.From(fresh), typed[i])).ToList();
            Shell.Show(new EditConflictScreen(Shell, fresh.DisplayName, rows,
                reapply: () =>
                {
                    Reload(fresh);
                    for (var i = 0; i < rows.Count; i++)
                        if (rows[i].Yours) _inputs[i].Set(typed[i]);
                    Shell.Say("Your edits are on the new version: check them, then Ctrl+S saves.");
                },
                drop: () =>
                {
                    Reload(fresh);
                    Shell.Say($"Your edits were dropped: the form shows {fresh.DisplayName} as saved now.");
                }));
        }, ex => _problems.Show(ex, Shell.Server));
    }

    private void Reload(Centre fresh)
    {
        _original = fresh;
        Title = $"Edit — {fresh.DisplayName}";
        _problems.Clear();
        Load(fresh);
    }
}
