namespace Contact.Admin.Tests;

public sealed class SettingsTests
{
    private static string KeyFile(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"contact-keys-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void A_key_file_gives_the_nct_key()
    {
        var file = KeyFile("""{"practitioner": "p-secret", "nct": "nct-secret"}""");
        var s = AdminSettings.Resolve(["--address", "http://127.0.0.1:6000", "--key-file", file], _ => null, []);
        Assert.Equal("nct-secret", s.ApiKey);
        Assert.Equal(new Uri("http://127.0.0.1:6000"), s.Address);
    }

    [Fact]
    public void Arguments_beat_the_environment_which_beats_the_config_file()
    {
        var config = KeyFile("""{"Contact": {"Address": "http://config:1", "ApiKey": "config-key"}}""");
        var env = new Dictionary<string, string> { ["CONTACT_ADDRESS"] = "http://env:2", ["CONTACT_API_KEY"] = "env-key" };
        Assert.Equal("config-key", AdminSettings.Resolve([], _ => null, [config]).ApiKey);
        var fromEnv = AdminSettings.Resolve([], env.GetValueOrDefault, [config]);
        Assert.Equal(("env-key", new Uri("http://env:2")), (fromEnv.ApiKey, fromEnv.Address));
        Assert.Equal("arg-key", AdminSettings.Resolve(["--key=arg-key"], env.GetValueOrDefault, [config]).ApiKey);
    }

    [Fact]
    public void Missing_key_and_bad_input_are_told_in_words()
    {
        Assert.Contains("No API key", Assert.Throws<SettingsException>(() => AdminSettings.Resolve([], _ => null, [])).Message);
        Assert.Contains("no \"nct\" key", Assert.Throws<SettingsException>(() => AdminSettings.Resolve(["--key-file", KeyFile("{}")], _ => null, [])).Message);
        Assert.Contains("Unknown option", Assert.Throws<SettingsException>(() => AdminSettings.Resolve(["--port", "1"], _ => null, [])).Message);
        Assert.Contains("not an http", Assert.Throws<SettingsException>(() => AdminSettings.Resolve(["--address", "ftp://x", "--key", "k"], _ => null, [])).Message);
    }
}
