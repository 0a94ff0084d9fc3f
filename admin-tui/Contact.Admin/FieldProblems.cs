using Contact.Client;
using Grpc.Core;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin;

/// <summary>
/// Shows a refusal on a form: each field the server named gets its label marked with "!" in red,
/// and the problems are listed in words under the form, with the clause that refused.
/// </summary>
public sealed class FieldProblems
{
    private readonly List<(string Path, Label Label, string Text)> _fields = [];
    private readonly TextView _list;

    public FieldProblems(TextView list) => _list = list;

    /// <summary>Ties a field path (e.g. "address.postcode") to the label shown beside its input.</summary>
    public Label Track(string path, Label label)
    {
        _fields.Add((path, label, label.Text));
        return label;
    }

    public void Clear()
    {
        foreach (var (_, label, text) in _fields)
        {
            label.Text = text;
            label.SetScheme(null);
        }
        _list.Text = "";
    }

    /// <summary>Problems found before calling the server. A problem that says just <paramref name="said"/> marks its field but is not listed again.</summary>
    public void Show(IReadOnlyList<FieldViolation> problems, string heading, string? said = null)
    {
        Clear();
        var lines = new List<string> { heading };
        foreach (var p in problems)
        {
            var path = Strip(p.Field);
            var field = _fields.FirstOrDefault(f => path == f.Path || path.StartsWith(f.Path + ".", StringComparison.Ordinal) || path.StartsWith(f.Path + "[", StringComparison.Ordinal));
            if (field.Label is not null)
            {
                field.Label.Text = field.Text.TrimEnd(':') + "!";
                field.Label.SetScheme(Palette.Problem);
            }
            if (p.Description != said)
                lines.Add($"• {Words.FieldName(p.Field)}: {p.Description}");
        }
        _list.SetScheme(Palette.Problem);
        _list.Text = string.Join("\n", lines);
    }

    /// <summary>A failed call: field violations beside their fields, anything else in words.</summary>
    public void Show(Exception ex, Uri server)
    {
        if (ex is RpcException rpc && rpc.StatusCode is not (StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Unauthenticated))
        {
            var error = rpc.ToContactError();
            var heading = Words.Refusal(error with { Fields = [] });
            Show(error.Fields, heading, said: error.Message);   // a rule's refusal names its field with the same words
            return;
        }
        Clear();
        _list.SetScheme(Palette.Problem);
        _list.Text = Words.Problem(ex, server);
    }

    private static string Strip(string path) => path.StartsWith("centre.", StringComparison.Ordinal) ? path["centre.".Length..] : path;
}
