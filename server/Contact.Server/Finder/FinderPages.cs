using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Contact.Server.Domain.Geo;
using Contact.Server.Domain.Register;
using Contact.Server.OpenReferral;

namespace Contact.Server.Finder;

/// <summary>
/// The HTML of the find-a-centre pages, written by hand into one buffer (no view engine: the pages
/// are small and a render must stay well under 5 ms). Every value that comes from the register or
/// the request goes through <see cref="HtmlEncoder"/>. GOV.UK Frontend's markup and classes, no
/// script needed; the one script only adds "use my location".
/// </summary>
public sealed class FinderPages(FinderAssets assets)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public string Search(SearchForm form, IReadOnlyList<FormError> errors)
    {
        var b = new StringBuilder(12_000);
        Open(b, errors.Count > 0 ? "Error: " + FinderWords.ServiceName : FinderWords.ServiceName, backHref: null);
        b.Append("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
        ErrorSummary(b, errors);
        b.Append("<h1 class=\"govuk-heading-l\">").Append(FinderWords.ServiceName).Append("</h1>");
        b.Append("<p class=\"govuk-body\">Every centre and service listed here is accredited today by the National Association of Child Contact Centres (NACCC) for the kind of contact you choose.</p>");
        b.Append("<form id=\"find-form\" action=\"/find/results\" method=\"get\" novalidate>");
        Radios(b, "type", "What kind of contact?", "Select one.", form.Type, FinderWords.Kinds.Select(k => (k.Value, k.Name, (string?)k.Explained)), errors, large: true);
        PostcodeField(b, form, errors);
        Radios(b, "setting", "Centre-based or in the community?", "Community services meet families at venues in the area; their address is not published.",
            form.Setting, FinderWords.Settings.Select(s => (s.Value, s.Name, (string?)null)), errors, large: false, inline: true);
        DistanceField(b, form, errors);
        b.Append("<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Find centres</button>");
        b.Append("</form>");
        Notes(b, [FinderWords.OnlyAccredited], citedInText: 0);
        b.Append("</div></div>");
        Close(b);
        return b.ToString();
    }

    public string Results(SearchForm form, ContactKind kind, string originLabel, int miles, IReadOnlyList<FoundCentre> found, DateOnly today, string? originNote = null)
    {
        var b = new StringBuilder(16_000);
        var kindName = FinderWords.KindName(kind);
        var title = $"{kindName} near {originLabel}";
        Open(b, title, backHref: "/find?" + form.QueryString());
        b.Append("<h1 class=\"govuk-heading-l\">").Append(E(title)).Append("</h1>");
        var notes = new List<Quote>();
        NextSteps(b, kind, notes);
        if (originNote is not null) b.Append("<p class=\"govuk-body\" id=\"origin\">").Append(E(originNote)).Append("</p>");
        b.Append("<p class=\"govuk-body\" id=\"summary\">")
            .Append(found.Count switch
            {
                0 => $"No centre or service accredited today for {E(kindName.ToLowerInvariant())} is within {miles} miles.",
                1 => $"1 centre or service accredited today for {E(kindName.ToLowerInvariant())} within {miles} miles.",
                var n => $"{n} centres and services accredited today for {E(kindName.ToLowerInvariant())} within {miles} miles, nearest first.",
            })
            .Append(" <a class=\"govuk-link\" href=\"/find?").Append(E(form.QueryString())).Append("\">Change your search</a></p>");
        if (found.Count > 0)
        {
            b.Append("<ol class=\"govuk-list\" id=\"results\">");
            foreach (var f in found)
            {
                var c = f.Centre;
                b.Append("<li class=\"app-result\" data-centre=\"").Append(E(c.ResourceName)).Append("\">");
                b.Append("<h2 class=\"govuk-heading-m\"><a class=\"govuk-link\" href=\"").Append(E(DetailsHref(c, form))).Append("\">")
                    .Append(E(c.DisplayName)).Append("</a></h2>");
                if (kind == ContactKind.Supervised && c.IsCommissionedOn(today))
                    b.Append("<p class=\"govuk-body govuk-!-margin-bottom-2\"><strong class=\"govuk-tag govuk-tag--green\">Commissioned by Cafcass</strong></p>");
                b.Append("<dl class=\"govuk-body app-facts\">");
                Fact(b, "Distance", E(Distance(f)));
                Fact(b, "Where", Where(c));
                Fact(b, "Waiting time", E(Waiting(c)));
                Fact(b, "Open", Sessions(c));
                b.Append("</dl></li>");
            }
            b.Append("</ol>");
        }
        var cited = notes.Count;
        notes.Add(FinderWords.WaitingTimes);
        notes.Add(FinderWords.OnlyAccredited);
        Notes(b, notes, cited);
        Close(b);
        return b.ToString();
    }

    public string Details(Centre c, SearchForm form, ContactKind? kind, DateOnly today)
    {
        var b = new StringBuilder(12_000);
        var back = form.Type.Length > 0 ? "/find/results?" + form.QueryString() : "/find";
        Open(b, c.DisplayName, backHref: back);
        b.Append("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">");
        b.Append("<span class=\"govuk-caption-l\">").Append(E(c.OrganisationName)).Append("</span>");
        b.Append("<h1 class=\"govuk-heading-l\">").Append(E(c.DisplayName)).Append("</h1>");
        var accredited = FinderWords.Kinds.Where(k => AccreditationRules.IsAccreditedFor(c, k.Kind, today)).Select(k => k.Name).ToList();
        b.Append("<dl class=\"govuk-summary-list\" id=\"details\">");
        Row(b, "Accredited today for", E(string.Join(", ", accredited)));
        if (c.IsCommissionedOn(today)) Row(b, "Cafcass", "Commissioned by Cafcass for supervised contact");
        Row(b, "Where", Where(c));
        Row(b, "Waiting time", E(Waiting(c)));
        Row(b, "Open", Sessions(c));
        if (!string.IsNullOrWhiteSpace(c.Phone)) Row(b, "Phone", E(c.Phone));
        if (!string.IsNullOrWhiteSpace(c.Email))
            Row(b, "Email", $"<a class=\"govuk-link\" href=\"mailto:{E(c.Email)}\">{E(c.Email)}</a>");
        if (Uri.TryCreate(c.Website, UriKind.Absolute, out var site) && site.Scheme is "https" or "http")
            Row(b, "Website", $"<a class=\"govuk-link\" rel=\"noreferrer noopener\" href=\"{E(site.AbsoluteUri)}\">{E(site.Host)}</a>");
        if (!string.IsNullOrWhiteSpace(c.CharityNumber)) Row(b, "Registered charity", E(c.CharityNumber));
        b.Append("</dl>");
        var notes = new List<Quote>();
        if (kind is { } k2) NextSteps(b, k2, notes);
        var cited = notes.Count;
        notes.Add(FinderWords.WaitingTimes);
        notes.Add(FinderWords.OnlyAccredited);
        Notes(b, notes, cited);
        b.Append("</div></div>");
        Close(b);
        return b.ToString();
    }

    public string NotFound()
    {
        var b = new StringBuilder(4_000);
        Open(b, "Page not found", backHref: null);
        b.Append("<h1 class=\"govuk-heading-l\">Page not found</h1>");
        b.Append("<p class=\"govuk-body\">The centre may no longer be accredited, or the address may be wrong.</p>");
        b.Append("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/find\">Search for an accredited centre</a></p>");
        Close(b);
        return b.ToString();
    }

    public string TooManyRequests()
    {
        var b = new StringBuilder(4_000);
        Open(b, "Too many searches", backHref: null);
        b.Append("<h1 class=\"govuk-heading-l\">Too many searches</h1>");
        b.Append("<p class=\"govuk-body\">Too many searches have come from your connection in the last minute. Wait a minute, then try again.</p>");
        b.Append("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/find\">Search for an accredited centre</a></p>");
        Close(b);
        return b.ToString();
    }

    private static string DetailsHref(Centre c, SearchForm form) => $"/find/centres/{Uri.EscapeDataString(c.Id)}?{form.QueryString()}";

    /// <summary>
    /// Distance only (no travel help, policy 1.5). A community service's venues are not published,
    /// so its distance is measured to the same coarse point the open feed discloses and rounded to
    /// whole miles: exact distances from chosen postcodes would give the venue away.
    /// </summary>
    private static string Distance(FoundCentre f)
    {
        if (f.Centre.Setting != Setting.Community)
            return $"{(f.DistanceKm / GeoPoint.KmPerMile).ToString("0.0", Invariant)} miles";
        var miles = Math.Max(1, Math.Round(OrukMapper.PublicPoint(f.Centre).DistanceKmTo(f.Origin) / GeoPoint.KmPerMile));
        return miles == 1 ? "About 1 mile" : $"About {miles.ToString("0", Invariant)} miles";
    }

    /// <summary>Community services show no address, as in the open feed.</summary>
    private static string Where(Centre c) => c.Setting == Setting.Community
        ? $"Community venues in the {E(c.Town)} area. The venue is given to families on referral and is not published."
        : string.Join("<br>", c.AddressLines.Append(c.Town).Append(c.Postcode).Where(l => !string.IsNullOrWhiteSpace(l)).Select(E));

    private static string Waiting(Centre c) => c.WaitingWeeks switch
    {
        null => "Not recorded: ask the centre",
        0 => "No wait" + Confirmed(c),
        1 => "1 week" + Confirmed(c),
        var w => $"{w} weeks" + Confirmed(c),
    };

    private static string Confirmed(Centre c) => c.WaitingConfirmed is { } d ? $" (confirmed {d.ToString("d MMMM yyyy", Invariant)})" : "";

    private static string Sessions(Centre c) => c.OpeningSessions.Count == 0
        ? "Ask the centre"
        : string.Join("<br>", c.OpeningSessions.Select(s => $"{s.Day} {s.Opens.ToString("HH:mm", Invariant)} to {s.Closes.ToString("HH:mm", Invariant)}"));

    private static void NextSteps(StringBuilder b, ContactKind kind, List<Quote> notes)
    {
        var (lead, quotes) = FinderWords.NextSteps(kind);
        b.Append("<div class=\"govuk-inset-text\" id=\"next-steps\"><p class=\"govuk-body\">").Append(E(lead)).Append("</p>");
        foreach (var q in quotes) { b.Append("<p class=\"govuk-body\">"); QuoteWithNote(b, q, notes); b.Append("</p>"); }
        b.Append("</div>");
    }

    private static void QuoteWithNote(StringBuilder b, Quote q, List<Quote> notes)
    {
        notes.Add(q);
        var n = notes.Count;
        b.Append('“').Append(E(q.Text)).Append("” <a class=\"govuk-link\" href=\"#note-").Append(n).Append("\" id=\"ref-").Append(n)
            .Append("\">(note ").Append(n).Append(")</a>");
    }

    /// <summary>
    /// The footnotes: each quote's source and clause. A quote already given in the text (with its
    /// "(note n)" link) is not repeated; the others are given here in full.
    /// </summary>
    private static void Notes(StringBuilder b, IReadOnlyList<Quote> notes, int citedInText)
    {
        b.Append("<h2 class=\"govuk-heading-s\">Notes</h2><ol class=\"govuk-list govuk-list--number govuk-body-s\" id=\"notes\">");
        for (var i = 0; i < notes.Count; i++)
        {
            var q = notes[i];
            b.Append("<li id=\"note-").Append(i + 1).Append("\">").Append(E(q.Source)).Append(", ").Append(E(q.Clause));
            if (i < citedInText) b.Append('.');
            else b.Append(": “").Append(E(q.Text)).Append('”');
            b.Append("</li>");
        }
        b.Append("</ol>");
    }

    private static void Fact(StringBuilder b, string key, string valueHtml) =>
        b.Append("<div class=\"app-facts__row\"><dt>").Append(key).Append("</dt><dd>").Append(valueHtml).Append("</dd></div>");

    private static void Row(StringBuilder b, string key, string valueHtml) =>
        b.Append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").Append(key)
            .Append("</dt><dd class=\"govuk-summary-list__value\">").Append(valueHtml).Append("</dd></div>");

    private static void ErrorSummary(StringBuilder b, IReadOnlyList<FormError> errors)
    {
        if (errors.Count == 0) return;
        b.Append("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">");
        b.Append("<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var e in errors)
            b.Append("<li><a href=\"#").Append(e.Field).Append("\">").Append(E(e.Message)).Append("</a></li>");
        b.Append("</ul></div></div></div>");
    }

    private static FormError? ErrorFor(IReadOnlyList<FormError> errors, string field) => errors.FirstOrDefault(e => e.Field == field);

    private static void ErrorMessage(StringBuilder b, FormError error) =>
        b.Append("<p id=\"").Append(error.Field).Append("-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ")
            .Append(E(error.Message)).Append("</p>");

    private static void Radios(StringBuilder b, string name, string legend, string hint, string selected,
        IEnumerable<(string Value, string Label, string? Hint)> options, IReadOnlyList<FormError> errors, bool large, bool inline = false)
    {
        var error = ErrorFor(errors, name);
        b.Append("<div class=\"govuk-form-group").Append(error is null ? "" : " govuk-form-group--error").Append("\">");
        b.Append("<fieldset class=\"govuk-fieldset\" aria-describedby=\"").Append(name).Append("-hint").Append(error is null ? "" : $" {name}-error").Append("\">");
        b.Append("<legend class=\"govuk-fieldset__legend ").Append(large ? "govuk-fieldset__legend--m" : "govuk-fieldset__legend--s")
            .Append("\"><h2 class=\"govuk-fieldset__heading\">").Append(E(legend)).Append("</h2></legend>");
        b.Append("<div id=\"").Append(name).Append("-hint\" class=\"govuk-hint\">").Append(E(hint)).Append("</div>");
        if (error is not null) ErrorMessage(b, error);
        b.Append("<div class=\"govuk-radios").Append(inline ? " govuk-radios--inline" : "").Append("\" data-module=\"govuk-radios\">");
        var first = true;
        foreach (var (value, label, optionHint) in options)
        {
            // The first option carries the field's id, so the error summary's link lands on it.
            var id = first ? name : $"{name}-{value}";
            first = false;
            b.Append("<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"").Append(id).Append("\" name=\"").Append(name)
                .Append("\" type=\"radio\" value=\"").Append(value).Append('"');
            if (value == selected) b.Append(" checked");
            if (optionHint is not null) b.Append(" aria-describedby=\"").Append(id).Append("-item-hint\"");
            b.Append("><label class=\"govuk-label govuk-radios__label\" for=\"").Append(id).Append("\">").Append(E(label)).Append("</label>");
            if (optionHint is not null)
                b.Append("<div id=\"").Append(id).Append("-item-hint\" class=\"govuk-hint govuk-radios__hint\">").Append(E(optionHint)).Append("</div>");
            b.Append("</div>");
        }
        b.Append("</div></fieldset></div>");
    }

    private static void PostcodeField(StringBuilder b, SearchForm form, IReadOnlyList<FormError> errors)
    {
        var error = ErrorFor(errors, "postcode");
        b.Append("<div class=\"govuk-form-group").Append(error is null ? "" : " govuk-form-group--error").Append("\">");
        b.Append("<h2 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--m\" for=\"postcode\">Postcode or town</label></h2>");
        b.Append("<div id=\"postcode-hint\" class=\"govuk-hint\">A full postcode, like LS1 4AP, the first half, like LS1, or a town, like Leeds.</div>");
        if (error is not null) ErrorMessage(b, error);
        b.Append("<input class=\"govuk-input govuk-input--width-20").Append(error is null ? "" : " govuk-input--error")
            .Append("\" id=\"postcode\" name=\"postcode\" type=\"text\" autocomplete=\"postal-code\" spellcheck=\"false\" value=\"")
            .Append(E(form.Postcode)).Append("\" aria-describedby=\"postcode-hint").Append(error is null ? "" : " postcode-error").Append("\">");
        // Filled in by the script when "use my location" is chosen; empty otherwise.
        b.Append("<input type=\"hidden\" name=\"lat\" value=\"\"><input type=\"hidden\" name=\"lon\" value=\"\">");
        b.Append("<p class=\"govuk-body govuk-!-margin-top-3 govuk-!-margin-bottom-0\"><button type=\"button\" class=\"govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-js-only\" id=\"use-location\">Use my location</button></p>");
        b.Append("<p class=\"govuk-body\" id=\"location-status\" aria-live=\"polite\"></p>");
        b.Append("</div>");
    }

    private static void DistanceField(StringBuilder b, SearchForm form, IReadOnlyList<FormError> errors)
    {
        var error = ErrorFor(errors, "distance");
        b.Append("<div class=\"govuk-form-group").Append(error is null ? "" : " govuk-form-group--error").Append("\">");
        b.Append("<h2 class=\"govuk-label-wrapper\"><label class=\"govuk-label govuk-label--s\" for=\"distance\">How far?</label></h2>");
        if (error is not null) ErrorMessage(b, error);
        b.Append("<select class=\"govuk-select").Append(error is null ? "" : " govuk-select--error").Append("\" id=\"distance\" name=\"distance\"")
            .Append(error is null ? "" : " aria-describedby=\"distance-error\"").Append('>');
        foreach (var miles in FinderWords.DistancesMiles)
        {
            var value = miles.ToString(Invariant);
            b.Append("<option value=\"").Append(value).Append('"').Append(value == form.Distance ? " selected" : "").Append(">Within ")
                .Append(value).Append(" miles</option>");
        }
        b.Append("</select></div>");
    }

    private void Open(StringBuilder b, string title, string? backHref)
    {
        b.Append("<!DOCTYPE html><html lang=\"en-GB\" class=\"govuk-template\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(title)).Append(title.EndsWith(FinderWords.ServiceName, StringComparison.Ordinal) ? "" : " – " + FinderWords.ServiceName).Append("</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">")
            .Append("<meta name=\"theme-color\" content=\"#0b0c0c\"><link rel=\"icon\" href=\"data:,\">")
            .Append("<link rel=\"stylesheet\" href=\"").Append(assets.Css.Url).Append("\"></head>");
        b.Append("<body class=\"govuk-template__body\"><a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">Skip to main content</a>");
        b.Append("<header class=\"govuk-service-navigation\" aria-label=\"Service information\"><div class=\"govuk-width-container\"><div class=\"govuk-service-navigation__container\">")
            .Append("<span class=\"govuk-service-navigation__service-name\"><a href=\"/find\" class=\"govuk-service-navigation__link\">")
            .Append(FinderWords.ServiceName).Append("</a></span></div></div></header>");
        b.Append("<div class=\"govuk-width-container\">");
        if (backHref is not null) b.Append("<a href=\"").Append(E(backHref)).Append("\" class=\"govuk-back-link\">Back</a>");
        b.Append("<main class=\"govuk-main-wrapper\" id=\"main-content\">");
    }

    private void Close(StringBuilder b)
    {
        b.Append("</main></div><footer class=\"govuk-footer\"><div class=\"govuk-width-container\"><div class=\"govuk-footer__meta\"><div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">")
            .Append("<p class=\"govuk-body-s\">The register of centres accredited by NACCC, kept by Cafcass' National Commissioning Team. ")
            .Append("This page sets no cookies and uses no analytics.</p></div></div></div></footer>")
            .Append("<script src=\"").Append(assets.Script.Url).Append("\" defer></script></body></html>");
    }

    private static string E(string? text) => Encoder.Encode(text ?? "");
}
