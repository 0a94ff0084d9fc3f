using System.Text.RegularExpressions;
using Contact.Client;
using Contact.Server.Security;
using Contact.Tests.Support;
using Contact.V1;
using Grpc.Core;
using Role = Contact.V1.Role;
using AuditOutcome = Contact.Server.Security.AuditOutcome;

namespace Contact.Tests.EndToEnd;

/// <summary>
/// Damaged copies of a real store: the commands and the server answer with one line and
/// an exit code, or work, and never show a stack trace; a running server reports damage as a broken chain.
/// </summary>
public class DamagedStoreTests
{
    private const int Flips = 20;
    private const int AuditEntries = 520;
    private static readonly Regex StackFrame = new(@"^\s+at \S", RegexOptions.Multiline);

    [Fact]
    public async Task Twenty_byte_flips_give_intact_or_one_line_and_an_exit_code_never_a_stack_trace()
    {
        var original = TestHost.NewDataDirectory();
        string auditorKey;
        await using (var host = await TestHost.StartAsync(dataDirectory: original))
        {
            // Valid for years: the test host's clock is fixed in 2026, the server process runs on today's.
            auditorKey = (await host.Get<Credentials>().IssueAsync("Damage test auditor", [Contact.Server.Security.Role.Auditor], null, null, 3650,
                Principal.System, null, null)).Secret;
            var trail = host.Get<AuditTrail>();
            await Task.WhenAll(Enumerable.Range(0, AuditEntries).Select(i =>
                trail.RecordAsync(CallAudit.System("damage-test").Touch($"centres/c{i}"), AuditOutcome.Ok, $"entry {i}")));
        }
        var file = Path.Combine(original, "contact.db");
        var length = new FileInfo(file).Length;
        Assert.True(length > 64 * 1024, $"the store is {length} bytes");

        var outcomes = new string[Flips];
        using var gate = new SemaphoreSlim(3);
        await Task.WhenAll(Enumerable.Range(0, Flips).Select(async i =>
        {
            await gate.WaitAsync();
            try { outcomes[i] = await FlipAndCheckAsync(file, (long)(length * (i + 0.5) / Flips), auditorKey); }
            finally { gate.Release(); }
        }));
        // What each copy gave, for the record (e.g. "offset 123: verify-audit 4, server exit 4").
        Console.WriteLine(string.Join(Environment.NewLine, outcomes));
        Assert.DoesNotContain(outcomes, o => o.Contains("did not listen", StringComparison.Ordinal));
    }

    private static async Task<string> FlipAndCheckAsync(string original, long offset, string auditorKey)
    {
        var directory = TestHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        var copy = Path.Combine(directory, "contact.db");
        File.Copy(original, copy);
        await using (var stream = new FileStream(copy, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = offset;
            var b = stream.ReadByte();
            stream.Position = offset;
            stream.WriteByte((byte)(b ^ 0xFF));
        }
        var args = ServerCommand.StoreArgs(directory);

        // verify-audit works on its own copy: it opens read-only, but the server below may write.
        var verifyDirectory = directory + "-verify";
        Directory.CreateDirectory(verifyDirectory);
        File.Copy(copy, Path.Combine(verifyDirectory, "contact.db"));
        var verify = await ServerCommand.RunAsync(null, ["verify-audit", .. ServerCommand.StoreArgs(verifyDirectory)]);
        var said = verify.Output + verify.Error;
        Assert.False(StackFrame.IsMatch(said), $"offset {offset}: verify-audit showed a stack trace:\n{said}");
        if (verify.ExitCode == 0) Assert.Contains("Audit chain intact", verify.Output);
        else
        {
            Assert.True(verify.ExitCode is 3 or 4, $"offset {offset}: verify-audit exit {verify.ExitCode}:\n{said}");
            Assert.Matches("BROKEN|damaged", said);
            Assert.True(said.Trim().Split('\n').Length <= 2, $"offset {offset}: more than a line or two:\n{said}");
        }

        string server;
        try
        {
            await using var process = await ServerProcess.StartAsync(directory, args[1]);
            using var client = new ContactClient(process.Address, auditorKey);
            // A running server answers VerifyAuditChain: intact, or broken with the problem; where the
            // damage is in the keys it cannot admit the caller and says DATA_LOSS; never INTERNAL.
            try
            {
                var verification = await client.Audit.VerifyAuditChainAsync(new VerifyAuditChainRequest());
                server = verification.Intact ? "serves, chain intact" : $"serves, chain broken ({verification.Problem[..Math.Min(70, verification.Problem.Length)]})";
                Assert.True(verification.Intact || verify.ExitCode != 0, $"offset {offset}: the server says broken where verify-audit said intact");
                Assert.False(verification.Intact && verify.ExitCode != 0, $"offset {offset}: the server says intact where verify-audit said {verify.ExitCode}");
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.DataLoss or StatusCode.Unauthenticated)
            {
                server = $"serves, VerifyAuditChain {ex.StatusCode}";
            }
            catch (RpcException ex)
            {
                await Task.Delay(500);
                Assert.Fail($"offset {offset}: VerifyAuditChain answered {ex.StatusCode} (server {(process.HasExited ? "exited" : "running")}):\n{process.ErrorOutput}");
                throw;
            }
        }
        catch (TimeoutException)
        {
            server = "server did not listen within 60 s and did not exit";
        }
        catch (InvalidOperationException ex) when (Regex.Match(ex.Message, @"The server exited with (-?\d+)") is { Success: true } exited)
        {
            Assert.False(StackFrame.IsMatch(ex.Message), $"offset {offset}: the server showed a stack trace:\n{ex.Message}");
            Assert.NotEqual("0", exited.Groups[1].Value);
            Assert.Matches("damaged|could not be opened", ex.Message);
            server = $"server exit {exited.Groups[1].Value}";
        }
        return $"offset {offset}: verify-audit {verify.ExitCode}, {server}";
    }
}
