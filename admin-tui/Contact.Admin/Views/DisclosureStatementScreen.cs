using System.Text;
using Contact.V1;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Contact.Admin.Views;

/// <summary>A case's disclosure statement as text: every disclosure made from it, oldest first (MOU 2.3.5).</summary>
public sealed class DisclosureStatementScreen : Screen
{
    public DisclosureStatementScreen(MainWindow shell, DisclosureStatement statement) : base(shell, $"Disclosure statement — {statement.CaseNumber}")
    {
        Add(new TextView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(), ReadOnly = true, WordWrap = true, Text = Describe(statement) });
    }

    public override string Help => """
        Every disclosure made from this case, oldest first: when, to whom, by whom and what, as the
        parties and the court are given it (MOU 2.3.5). Read-only. Esc goes back.
        """;

    public static string Describe(DisclosureStatement d)
    {
        var s = new StringBuilder();
        s.AppendLine($"Case {d.CaseNumber} ({d.Case}), statement produced {Words.Time(d.GenerateTime)}");
        if (d.Disclosures.Count == 0) s.AppendLine("No disclosures have been made from this case.");
        foreach (var x in d.Disclosures)
        {
            s.AppendLine();
            s.AppendLine($"{Words.Time(x.DiscloseTime)} to {x.SharedWith}, by {x.SharedBy} ({x.SharingRequest}):");
            foreach (var item in x.Items) s.AppendLine($"  - {item}");
        }
        return s.ToString();
    }
}
