using System.Collections.Concurrent;
using System.Net;
using Contact.Server.Observability;
using Contact.Server.Storage;
using Contact.Tests.Support;
using Contact.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Contact.Tests.Observability;

/// <summary>Request ids in headers and logs, per-RPC metrics at /metrics, health at /healthz.</summary>
public sealed class ObservabilityTests : IAsyncLifetime
{
    private readonly ScopeCapture _logs = new();
    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(demo: true, configure: s => s.AddSingleton<ILoggerProvider>(_logs));
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_grpc_caller_s_request_id_is_echoed_and_in_the_scope_of_the_call_s_logs()
    {
        var client = await _host.ClientAsync(Role.CallCentre);
        var call = client.Postcodes.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "LS1 4AP" },
            new Metadata { { "x-request-id", "case-42.lookup" } });
        await call;
        Assert.Equal("case-42.lookup", (await call.ResponseHeadersAsync).GetValue("x-request-id"));
        Assert.Contains(_logs.Entries, e => e.RequestId == "case-42.lookup" && e.Message.Contains("/contact.v1.PostcodeService/LookupPostcode answered OK"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("has spaces and\nnewlines")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task A_missing_or_unsafe_request_id_is_replaced_by_a_new_one(string? offered)
    {
        using var http = _host.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        if (offered is not null) request.Headers.TryAddWithoutValidation("x-request-id", offered);
        using var response = await http.SendAsync(request);
        var id = response.Headers.GetValues("x-request-id").Single();
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public async Task Metrics_count_calls_per_method_and_status_in_prometheus_format()
    {
        var client = await _host.ClientAsync(Role.Practitioner);
        await client.Postcodes.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "LS1 4AP" });
        await Refusal.Expect(StatusCode.InvalidArgument, () => client.Postcodes.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "nope" }).ResponseAsync);
        await Refusal.Expect(StatusCode.Unauthenticated, () => _host.Client(null).Register.GetCentreAsync(new GetCentreRequest { Name = "centres/x" }).ResponseAsync);

        using var http = _host.Http();
        var text = await http.GetStringAsync("/metrics");
        Assert.Contains("# TYPE rpc_server_call_duration_seconds histogram", text);
        Assert.Matches(@"rpc_server_call_duration_seconds_count\{[^}]*rpc_grpc_status_code=""0"",rpc_method=""LookupPostcode"",rpc_service=""contact.v1.PostcodeService""[^}]*\} 1", text);
        Assert.Matches(@"rpc_server_call_duration_seconds_count\{[^}]*rpc_grpc_status_code=""3"",rpc_method=""LookupPostcode""[^}]*\} 1", text);
        Assert.Matches(@"rpc_server_call_duration_seconds_count\{[^}]*rpc_grpc_status_code=""16"",rpc_method=""GetCentre""[^}]*\} 1", text);
    }

    [Fact]
    public async Task Healthz_reflects_whether_the_store_answers()
    {
        using var http = _host.Http();
        using var healthy = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());

        _host.Get<ContactStore>().Dispose();
        // Health answers from the background probe's last result; run the next probe now.
        _host.Get<Contact.Server.Hosting.StoreProbe>().Probe();
        using var unhealthy = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.Equal("Unhealthy", await unhealthy.Content.ReadAsStringAsync());
    }

    /// <summary>Keeps every log entry with the RequestId of its scope.</summary>
    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope, ILogger
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public ConcurrentQueue<(string Message, string? RequestId)> Entries { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _scopes.Push(state);
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string? requestId = null;
            _scopes.ForEachScope((scope, _) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs && pairs.FirstOrDefault(p => p.Key == "RequestId").Value is string id && !id.Contains(':'))
                    requestId = id;
            }, (object?)null);
            Entries.Enqueue((formatter(state, exception), requestId));
        }

        public void Dispose() { }
    }
}
