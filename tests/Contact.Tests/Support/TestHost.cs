using System.Security.Cryptography;
using Contact.Client;
using Contact.Server.Hosting;
using Contact.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Contact.Tests.Support;

/// <summary>
/// The real server wiring (ContactHosting) on an in-process test server, with a fresh store in a
/// temporary folder, a fake clock, and clients that call it through a real GrpcChannel.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    /// <summary>The fixed "now" every test starts from: a Tuesday, 10:00 UK time (BST).</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;
    private readonly List<ContactClient> _clients = [];

    private TestHost(WebApplication app, string dataDirectory, FakeTimeProvider clock)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }
    public string DataDirectory { get; }
    public IServiceProvider Services => _app.Services;
    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();
    /// <summary>Every endpoint the application maps.</summary>
    public IEnumerable<Microsoft.AspNetCore.Http.Endpoint> Endpoints => ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)_app).DataSources.SelectMany(s => s.Endpoints);

    public static async Task<TestHost> StartAsync(bool demo = false, string? dataDirectory = null, string? dataKey = null, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        dataDirectory ??= NewDataDirectory();
        var clock = new FakeTimeProvider(Start);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("CONTACT_TEST_LOGS") == "1") builder.Logging.AddConsole();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Contact:Storage:DataDirectory"] = dataDirectory,
            ["Contact:Secrets:DataKey"] = dataKey ?? SharedDataKey,
            ["Contact:Demo"] = demo ? "true" : "false",
            ["Contact:LapseCheckSeconds"] = "86400",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddContact(builder.Configuration);
        builder.Services.AddSingleton<TimeProvider>(clock);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapContact();
        await app.StartAsync();
        return new TestHost(app, dataDirectory, clock);
    }

    /// <summary>One data key for the whole test run, so stores can be reopened.</summary>
    public static readonly string SharedDataKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "contact-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A client holding a new key with these roles (and ties).</summary>
    public async Task<ContactClient> ClientAsync(Contact.V1.Role wireRole, string? fcaId = null, string? centreId = null) =>
        Client(await KeyAsync(wireRole, fcaId, centreId));

    /// <summary>A new API key with these roles (and ties).</summary>
    public async Task<string> KeyAsync(Contact.V1.Role wireRole, string? fcaId = null, string? centreId = null)
    {
        var role = (Role)(int)wireRole;
        var issued = await Get<Credentials>().IssueAsync($"Test {role}", [role],
            role == Role.Practitioner ? fcaId ?? "fca-test-1" : null, role == Role.ContactCentre ? centreId : null,
            30, Principal.System, null, null);
        return issued.Secret;
    }

    /// <summary>A plain HTTP client (JSON transcoding, the open feed, health), with the key as a Bearer header.</summary>
    public HttpClient Http(string? apiKey = null)
    {
        var http = _app.GetTestServer().CreateClient();
        if (apiKey is not null) http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        return http;
    }

    /// <summary>The in-process server's HTTP handler, for clients built by hand.</summary>
    public HttpMessageHandler Handler() => _app.GetTestServer().CreateHandler();

    /// <summary>A client with the given key (or none).</summary>
    public ContactClient Client(string? apiKey)
    {
        var client = new ContactClient(new ContactClientOptions
        {
            Address = new Uri("http://localhost"),
            ApiKey = apiKey,
            HttpHandler = _app.GetTestServer().CreateHandler(),
        });
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public void DeleteData()
    {
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}
