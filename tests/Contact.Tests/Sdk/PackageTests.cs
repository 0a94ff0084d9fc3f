using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace Contact.Tests.Sdk;

/// <summary>
/// As a partner would: Contact.Client packed, installed into a new console project outside the
/// repository from a local folder package source, and its example run against the real server.
/// </summary>
public sealed class PackageTests
{
    private static readonly string Repo = FindRepo();

    [Fact]
    public async Task The_packed_sdk_installs_from_a_folder_source_and_runs_the_example()
    {
        var work = Directory.CreateTempSubdirectory("contact-nuget-").FullName;
        try
        {
            // A version of its own per run, so that no package cached by an earlier run stands in.
            var version = $"0.2.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
            var feed = Path.Combine(work, "feed");
            await RunAsync(Repo, "dotnet", "pack", "clients/Contact.Client", "-c", "Release", "-o", feed, $"-p:Version={version}", "--nologo", "-v", "q");
            var packages = Directory.GetFiles(feed).Select(Path.GetFileName).ToList();
            Assert.Contains($"Contact.Client.{version}.nupkg", packages);
            Assert.Contains($"Contact.Client.{version}.snupkg", packages);
            Assert.Contains($"Contact.Protos.{version}.nupkg", packages);
            AssertPackageMetadata(Path.Combine(feed, $"Contact.Client.{version}.nupkg"), Path.Combine(feed, $"Contact.Protos.{version}.nupkg"));

            var project = Path.Combine(work, "partner-app");
            Directory.CreateDirectory(project);
            await File.WriteAllTextAsync(Path.Combine(project, "partner-app.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Contact.Client" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(project, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            File.Copy(Path.Combine(Repo, "clients/Contact.Client/examples/Referral.cs"), Path.Combine(project, "Program.cs"));

            var data = Path.Combine(work, "server");
            await using var server = await ServerProcess.StartAsync(data, "--demo");
            var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Path.Combine(data, "demo-keys.json")))!;
            var output = await RunAsync(project, "dotnet", ["run", "--", "NG1 5HJ"],
                new() { ["CONTACT_URL"] = server.Address, ["CONTACT_API_KEY"] = keys["practitioner"] });
            Assert.Matches(@"(?m)^.+: \d+\.\d miles$", output);
            Assert.Matches(@"(?m)^referral referrals/\S+: Submitted$", output);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static void AssertPackageMetadata(string client, string protos)
    {
        using (var package = ZipFile.OpenRead(client))
        {
            var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open()).ReadToEnd();
            Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
            Assert.Contains("<repository type=\"git\" url=\"", nuspec);
            Assert.Contains("<readme>README.md</readme>", nuspec);
            Assert.DoesNotContain("<authors>Contact.Client</authors>", nuspec);
            Assert.Contains(package.Entries, e => e.FullName == "README.md");
        }
        using (var package = ZipFile.OpenRead(protos))
        {
            Assert.DoesNotContain(package.Entries, e => e.FullName.StartsWith("content/"));
            Assert.Contains(package.Entries, e => e.FullName == "protos/contact/v1/referrals.proto");
        }
    }

    private static Task<string> RunAsync(string directory, string program, params string[] arguments) => RunAsync(directory, program, arguments, []);

    private static async Task<string> RunAsync(string directory, string program, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment) start.Environment[k] = v;
        // A nested dotnet must not inherit the test runner's MSBuild (it would build with its settings).
        foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return await stdout;
    }

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Contact.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Contact.sln not found above the test binaries.");
    }
}
