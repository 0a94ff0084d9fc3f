using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Contact.V1;

namespace Contact.Client;

/// <summary>How to reach the Contact API.</summary>
public sealed class ContactClientOptions
{
    /// <summary>The server's address, e.g. "http://127.0.0.1:5080" (plaintext on loopback) or "https://contact.example.org".</summary>
    public required Uri Address { get; init; }

    /// <summary>The API key issued by NCT, sent as "authorization: Bearer &lt;key&gt;" on every call.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Deadline applied to unary calls that set none. Streams are not limited.</summary>
    public TimeSpan DefaultDeadline { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retry idempotent calls (reads, lookups) on UNAVAILABLE, up to this many attempts in all.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>For tests and special transports: the HTTP handler to use.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}

/// <summary>
/// One connection to the Contact API with a typed client per service. Carries the API key, a
/// default deadline, and retries for the calls the contract marks idempotent (gRPC service config).
/// <see cref="EachAsync{TItem}"/> pages any List, <see cref="FollowAsync{TResponse}"/> resumes any
/// Watch. Dispose it when done. With dependency injection, use <c>services.AddContactClient(...)</c>.
/// </summary>
public sealed partial class ContactClient : IDisposable
{
    private readonly GrpcChannel? _channel;

    /// <summary>Connects with the given options.</summary>
    public ContactClient(ContactClientOptions options)
        : this(GrpcChannel.ForAddress(options.Address, ChannelOptions(options.MaxAttempts, options.HttpHandler)), options) { }

    private ContactClient(GrpcChannel channel, ContactClientOptions options)
        : this(channel.Intercept(new CallDefaults(options.ApiKey, options.DefaultDeadline))) => _channel = channel;

    /// <summary>
    /// Over an invoker that already carries the key and the deadlines (AddContactClient builds one
    /// with Grpc.Net.ClientFactory); the invoker's channel is not disposed here.
    /// </summary>
    public ContactClient(CallInvoker invoker)
    {
        Register = new RegisterService.RegisterServiceClient(invoker);
        Postcodes = new PostcodeService.PostcodeServiceClient(invoker);
        Access = new AccessService.AccessServiceClient(invoker);
        Audit = new AuditService.AuditServiceClient(invoker);
        Concerns = new ConcernService.ConcernServiceClient(invoker);
        Grants = new GrantService.GrantServiceClient(invoker);
        Reports = new ReportService.ReportServiceClient(invoker);
        Referrals = new ReferralService.ReferralServiceClient(invoker);
        Store = new StoreService.StoreServiceClient(invoker);
        Cases = new CaseService.CaseServiceClient(invoker);
        InformationSharing = new InformationSharingService.InformationSharingServiceClient(invoker);
        CallInvoker = invoker;
    }

    /// <summary>Connects to <paramref name="address"/> with <paramref name="apiKey"/>.</summary>
    public ContactClient(string address, string? apiKey) : this(new ContactClientOptions { Address = new Uri(address), ApiKey = apiKey }) { }

    /// <summary>The register: centres, accreditation, nearest-centre lookups, the change stream.</summary>
    public RegisterService.RegisterServiceClient Register { get; }

    /// <summary>The postcode table.</summary>
    public PostcodeService.PostcodeServiceClient Postcodes { get; }

    /// <summary>API keys and the caller's identity.</summary>
    public AccessService.AccessServiceClient Access { get; }

    /// <summary>The audit trail.</summary>
    public AuditService.AuditServiceClient Audit { get; }

    /// <summary>Concerns about contact services: raise (practitioners), triage (NCT).</summary>
    public ConcernService.ConcernServiceClient Concerns { get; }

    /// <summary>Annual grants to accredited supported centres.</summary>
    public GrantService.GrantServiceClient Grants { get; }

    /// <summary>The MOU's dates and the annual review report.</summary>
    public ReportService.ReportServiceClient Reports { get; }

    /// <summary>
    /// Referrals: submit (idempotent on request_id, so retried on UNAVAILABLE), read, list, watch,
    /// and the lifecycle.
    /// </summary>
    public ReferralService.ReferralServiceClient Referrals { get; }

    /// <summary>Store operations: online backups (NCT).</summary>
    public StoreService.StoreServiceClient Store { get; }

    /// <summary>The case index, kept in step by the case system.</summary>
    public CaseService.CaseServiceClient Cases { get; }

    /// <summary>The Safe Referral System: information sharing requests, the call-centre step, the FCA's answers.</summary>
    public InformationSharingService.InformationSharingServiceClient InformationSharing { get; }

    /// <summary>The authenticated invoker, for services added after this SDK version.</summary>
    public CallInvoker CallInvoker { get; }

    /// <inheritdoc />
    public void Dispose() => _channel?.Dispose();

    /// <summary>The channel settings every client of the SDK uses: retries from the contract, message size.</summary>
    internal static GrpcChannelOptions ChannelOptions(int maxAttempts, HttpMessageHandler? handler) => new()
    {
        HttpHandler = handler,
        ServiceConfig = new ServiceConfig { MethodConfigs = { RetryIdempotentCalls(maxAttempts) } },
        MaxReceiveMessageSize = 16 * 1024 * 1024,
    };

    // The unary RPCs the contract marks idempotent (idempotency_level) are retried on UNAVAILABLE;
    // no other. Streams resume through FollowAsync instead.
    internal static MethodConfig RetryIdempotentCalls(int maxAttempts)
    {
        var config = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = Math.Max(2, maxAttempts),
                InitialBackoff = TimeSpan.FromMilliseconds(200),
                MaxBackoff = TimeSpan.FromSeconds(3),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        foreach (var method in ContactServices.All.SelectMany(s => s.Methods))
            if (ContactServices.IsIdempotent(method) && !method.IsClientStreaming && !method.IsServerStreaming)
                config.Names.Add(new MethodName { Service = method.Service.FullName, Method = method.Name });
        return config;
    }

    /// <summary>Adds the API key and the default deadline to every call.</summary>
    internal sealed class CallDefaults(string? apiKey, TimeSpan deadline) : Interceptor
    {
        private CallOptions Apply<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, bool unary)
            where TRequest : class where TResponse : class
        {
            var options = context.Options;
            if (apiKey is not null)
            {
                var headers = options.Headers ?? new Metadata();
                if (headers.Get("authorization") is null) headers.Add("authorization", "Bearer " + apiKey);
                options = options.WithHeaders(headers);
            }
            if (unary && options.Deadline is null) options = options.WithDeadline(DateTime.UtcNow + deadline);
            return options;
        }

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, new(context.Method, context.Host, Apply(context, unary: true)));

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, new(context.Method, context.Host, Apply(context, unary: true)));

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
            continuation(request, new(context.Method, context.Host, Apply(context, unary: false)));

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
            continuation(new(context.Method, context.Host, Apply(context, unary: false)));

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
            continuation(new(context.Method, context.Host, Apply(context, unary: false)));
    }
}
