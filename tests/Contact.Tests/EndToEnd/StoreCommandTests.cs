using Contact.Client;
using Contact.Tests.Support;
using Contact.V1;

namespace Contact.Tests.EndToEnd;

/// <summary>The operator's path from the README: bootstrap the first NCT key, serve, take an online backup with the command.</summary>
public class StoreCommandTests
{
    [Fact]
    public async Task Bootstrap_serve_and_back_up_with_the_commands()
    {
        var data = Path.Combine(Path.GetTempPath(), "contact-e2e", Guid.NewGuid().ToString("N"));
        var bootstrap = await ServerCommand.RunAsync(null, "bootstrap-key", "Jo Bloggs, NCT", $"--Contact:Storage:DataDirectory={data}");
        Assert.True(bootstrap.ExitCode == 0, bootstrap.Error);
        var nctKey = bootstrap.Output.Trim();
        Assert.StartsWith("ck_", nctKey);
        Assert.True(File.Exists(Path.Combine(data, "contact.key")), "a new store without a configured key gets a key file");

        var again = await ServerCommand.RunAsync(null, "bootstrap-key", "Someone else", $"--Contact:Storage:DataDirectory={data}");
        Assert.Equal(1, again.ExitCode);

        await using var server = await ServerProcess.StartAsync(data);
        using (var client = new ContactClient(server.Address, nctKey))
            Assert.Contains(Role.NctOperator, (await client.Access.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Roles);

        var backup = await ServerCommand.RunAsync(new Dictionary<string, string> { ["CONTACT_API_KEY"] = nctKey }, "backup", server.Address);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.True(File.Exists(Path.Combine(data, "backups", backup.Output.Trim())));

        var anonymous = await ServerCommand.RunAsync(new Dictionary<string, string> { ["CONTACT_API_KEY"] = "" }, "backup", server.Address);
        Assert.Equal(2, anonymous.ExitCode);
    }
}
