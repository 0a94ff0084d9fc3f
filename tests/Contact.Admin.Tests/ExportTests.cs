using Contact.Admin.Views;
using Contact.Tests.Support;
using Contact.V1;
using Terminal.Gui.Input;

namespace Contact.Admin.Tests;

/// <summary>Exports never overwrite a file without asking: Keep (focused) writes nothing, Replace replaces.</summary>
public sealed class ExportTests
{
    private static readonly byte[] Before = "what the operator had here\n"u8.ToArray();

    public static TheoryData<string> Exports => ["register", "review"];

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task An_existing_file_is_kept_unless_the_operator_chooses_replace(string export)
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        await nct.Register.CreateCentreAsync(new CreateCentreRequest { Centre = Centres.Valid("Riverside Family Contact Centre") });
        var dir = Directory.CreateTempSubdirectory("contact-export-");
        var file = Path.Combine(dir.FullName, "existing.csv");
        await File.WriteAllBytesAsync(file, Before);
        try
        {
            using (var console = new HeadlessConsole(nct))
            {
                Screen screen;
                if (export == "register")
                {
                    var s = new ExportScreen(console.Main, new CentreFilter());
                    console.Main.Show(s);
                    s.PathTo(file);
                    screen = s;
                }
                else
                {
                    var s = new ReviewExportScreen(console.Main, new ExportReviewReportResponse { Filename = "review.csv", Csv = "section,measure,value\nregister.centres,total,1\n" });
                    console.Main.Show(s);
                    s.PathTo(file);
                    screen = s;
                }

                console.Press(Key.S.WithCtrl);
                console.WaitUntil(_ => console.Main.Current is ConfirmScreen, "the question");
                var question = ((ConfirmScreen)console.Main.Current!).Question;
                Assert.StartsWith("Replace existing.csv?", question);
                Assert.Contains(file, question);
                console.Press(Key.Enter);                          // Keep has the focus
                console.WaitIdle();
                Assert.Same(screen, console.Main.Current);
                Assert.Equal(Before, File.ReadAllBytes(file));   // synchronously: the console is open on this thread

                console.Press(Key.S.WithCtrl);
                console.Confirm("Replace existing.csv?");
                console.WaitFor("Wrote");
            }
            var after = await File.ReadAllTextAsync(file);
            Assert.StartsWith(export == "register" ? "name," : "section,measure,value", after);
            Assert.DoesNotContain("what the operator had here", after);
        }
        finally { dir.Delete(recursive: true); }
    }

    [Fact]
    public async Task A_new_file_is_written_without_asking()
    {
        await using var host = await TestHost.StartAsync();
        var nct = await host.ClientAsync(Role.NctOperator);
        var dir = Directory.CreateTempSubdirectory("contact-export-");
        var file = Path.Combine(dir.FullName, "new.csv");
        try
        {
            using (var console = new HeadlessConsole(nct))
            {
                var s = new ExportScreen(console.Main, new CentreFilter());
                console.Main.Show(s);
                s.PathTo(file);
                console.Press(Key.S.WithCtrl);
                console.WaitFor("Wrote 0 centres");
                Assert.IsType<ExportScreen>(console.Main.Current);
            }
            Assert.True(File.Exists(file));
        }
        finally { dir.Delete(recursive: true); }
    }
}
