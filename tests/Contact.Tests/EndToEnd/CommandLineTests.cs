using Contact.Server.Hosting;
using Contact.Tests.Support;

namespace Contact.Tests.EndToEnd;

/// <summary>The server's command line: usage, refusals with exit 2, configuration passed through.</summary>
public class CommandLineTests
{
    [Fact]
    public async Task Help_prints_the_usage_and_exits_0_without_listening()
    {
        // The configuration after --help is not swallowed as its value: nothing binds at all.
        var help = await ServerCommand.RunAsync(null, "--help", "--Kestrel:Endpoints:Grpc:Url", "http://127.0.0.1:0");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Usage:", help.Output);
        foreach (var command in new[] { "bootstrap-key", "verify-audit", "check-store", "backup", "restore" }) Assert.Contains(command, help.Output);
        Assert.DoesNotContain("Now listening", help.Output + help.Error);
    }

    [Theory]
    [InlineData("verify-audit")]
    [InlineData("check-store")]
    [InlineData("restore")]
    [InlineData("backup")]
    [InlineData("bootstrap-key")]
    public async Task Every_command_has_help(string command)
    {
        var help = await ServerCommand.RunAsync(null, command, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains($"Contact.Server {command}", help.Output);
    }

    [Theory]
    [InlineData("verify-audti")]
    [InlineData("--frob")]
    [InlineData("verify-audit", "--frob")]
    [InlineData("restore")]
    [InlineData("--Contact:Storage:DataDirectory")]
    public async Task Unknown_commands_and_options_and_missing_operands_exit_2_with_the_usage(params string[] args)
    {
        var refused = await ServerCommand.RunAsync(null, args);
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("Usage:", refused.Error);
        Assert.DoesNotContain("Now listening", refused.Output + refused.Error);
    }

    [Fact]
    public void Configuration_arguments_go_to_AspNet_and_the_rest_to_the_parser()
    {
        var (configuration, commandLine) = ServerCommandLine.SplitConfiguration(
            ["--Contact:Storage:DataDirectory=/srv/a", "restore", "/srv/b.db", "--Kestrel:Endpoints:Grpc:Url", "http://127.0.0.1:1", "--urls=http://127.0.0.1:2", "--demo"]);
        Assert.Equal(["--Contact:Storage:DataDirectory=/srv/a", "--Kestrel:Endpoints:Grpc:Url", "http://127.0.0.1:1", "--urls=http://127.0.0.1:2"], configuration);
        Assert.Equal(["restore", "/srv/b.db", "--demo"], commandLine);
    }

    [Fact]
    public async Task Check_store_on_a_foreign_file_is_one_line_and_exit_4()
    {
        var directory = TestHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "contact.db"), string.Concat(Enumerable.Repeat("not a LiteDB file\n", 2000)));
        foreach (var command in new[] { "check-store", "verify-audit" })
        {
            var result = await ServerCommand.RunAsync(null, [command, .. ServerCommand.StoreArgs(directory)]);
            Assert.Equal(ExitCodes.StoreDamaged, result.ExitCode);
            Assert.Contains("contact.db", result.Error);
            Assert.DoesNotContain("   at ", result.Output + result.Error);
        }
        var restore = await ServerCommand.RunAsync(null, ["restore", Path.Combine(directory, "contact.db"), .. ServerCommand.StoreArgs(TestHost.NewDataDirectory())]);
        Assert.Equal(ExitCodes.Failed, restore.ExitCode);
        Assert.Contains("was not restored", restore.Error);
        Assert.DoesNotContain("   at ", restore.Output + restore.Error);
    }
}
