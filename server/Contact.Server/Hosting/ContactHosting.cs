using Contact.Server.Domain.InformationSharing;
using Contact.Server.Domain.Register;
using Contact.Server.Finder;
using Contact.Server.Observability;
using Contact.Server.OpenApi;
using Contact.Server.OpenReferral;
using OpenTelemetry.Metrics;
using Contact.Server.Security;
using Contact.Server.Services;
using Contact.Server.Storage;

namespace Contact.Server.Hosting;

/// <summary>The wiring shared by the real host and the in-process test host.</summary>
public static class ContactHosting
{
    public static IServiceCollection AddContact(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Contact").Get<ContactOptions>() ?? new ContactOptions();
        services.AddSingleton(options);
        var limits = configuration.GetSection(RequestLimitOptions.Section).Get<RequestLimitOptions>() ?? new RequestLimitOptions();
        services.AddSingleton(limits);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => LoadSecrets(options, sp.GetRequiredService<ILogger<Secrets>>()));
        services.AddSingleton(sp =>
        {
            var secrets = sp.GetRequiredService<Secrets>();
            options.Storage.Password ??= secrets.StoragePassword;
            return new ContactStore(options.Storage, sp.GetRequiredService<ILogger<ContactStore>>());
        });
        services.AddSingleton<FieldProtector>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<Backups>();
        services.AddRetention(configuration);
        services.AddChildDataRetention();
        services.AddSingleton<Credentials>();
        services.AddSingleton<RegisterIndex>();
        services.AddSingleton<CentreViews>();
        services.AddSingleton<AccreditationFeed>();
        services.AddSingleton<RegisterRepository>();
        services.AddSingleton<ChangeFeed<ReferralEvent>>();
        services.AddSingleton<ReferralRepository>();
        services.AddSingleton<PostcodeDirectory>();
        // Concerns, grants and the MOU review.
        services.AddSingleton(configuration.GetSection("Contact:Concerns").Get<Domain.Concerns.ConcernDeadlines>() ?? new Domain.Concerns.ConcernDeadlines());
        services.AddSingleton<ConcernFeed>();
        services.AddSingleton<ConcernRepository>();
        services.AddSingleton<GrantRepository>();
        services.AddHostedService<GrantAccreditationWatcher>();
        services.AddSingleton(configuration.GetSection("Contact:Mou").Get<Domain.Reports.MouOptions>() ?? new Domain.Reports.MouOptions());
        services.AddReviewReportContributors();
        services.AddSingleton(_ => new CallCentreHours());
        services.AddSingleton<Sealer>();
        services.AddSingleton<CaseRepository>();
        services.AddSingleton<ChangeFeed<SharingRequest>>();
        services.AddSingleton<ChangeFeed<FcaNotification>>();
        services.AddSingleton<SharingRepository>();
        services.AddSingleton<AccessInterceptor>();
        services.AddSingleton<ErrorInterceptor>();
        services.AddSingleton<JsonFaceErrorInterceptor>();
        services.AddSingleton<RequestRangeInterceptor>();
        services.AddSingleton<RpcMetrics>();
        services.AddSingleton<RpcMetricsInterceptor>();
        // Stateless: registered so grpc-dotnet reuses one instance instead of creating one per call.
        services.AddSingleton<ExpiredDeadlineInterceptor>();
        services.AddSingleton<ServerTimingInterceptor>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(RpcMetrics.MeterName).AddPrometheusExporter());
        services.AddHostedService<StartupTasks>();
        services.AddHostedService<LapseJob>();
        services.AddHostedService<ReferralFlagJob>();
        services.AddHostedService<RetentionJob>();

        services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<JsonFaceErrorInterceptor>();   // outermost: rewrites every refusal of a transcoded call
            grpc.Interceptors.Add<RpcMetricsInterceptor>();
            grpc.Interceptors.Add<ExpiredDeadlineInterceptor>();
            grpc.Interceptors.Add<AccessInterceptor>();
            // After the access check: a caller who may not call the method learns nothing of its fields.
            grpc.Interceptors.Add<RequestRangeInterceptor>();
            grpc.Interceptors.Add<ErrorInterceptor>();
            if (options.ServerTiming) grpc.Interceptors.Add<ServerTimingInterceptor>();
            // Small by default; the services with a bulk method take more, and RequestSizeLimitMiddleware
            // holds each of their other methods to the default before a byte is parsed.
            grpc.MaxReceiveMessageSize = limits.MaxRequestBytes;
            grpc.EnableDetailedErrors = false;
        }).AddJsonTranscoding(json =>
        {
            // JSON over HTTP for the RPCs annotated with google.api.http. Refusals are written as
            // google.rpc.Status JSON with their details, which needs the detail types registered.
            json.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(
                Google.Rpc.ErrorInfo.Descriptor, Google.Rpc.BadRequest.Descriptor);
        })
        .AddServiceOptions<RegisterService>(o => o.MaxReceiveMessageSize = limits.BulkRequestBytes)
        .AddServiceOptions<CaseService>(o => o.MaxReceiveMessageSize = limits.BulkRequestBytes)
        .AddServiceOptions<PostcodeService>(o => o.MaxReceiveMessageSize = limits.BulkRequestBytes);
        services.AddGrpcReflection();
        services.AddContactGrpcWeb(configuration);
        services.AddOpenReferralFeed(options.OpenReferral);
        services.AddFinder();
        // grpc.health.v1 Check answers from the table the probe keeps, not by running the checks per call.
        services.AddSingleton<StoreProbe>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreProbe>());
        services.AddGrpcHealthChecks(o => o.UseHealthChecksCache = true).AddCheck<StoreHealthCheck>("store");
        return services;
    }

    public static WebApplication MapContact(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseCors();          // before the limiter, so a 429 still carries the CORS headers
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseRateLimiter();
        app.UseHttpCaching();   // ETag, Cache-Control and 304 for endpoints marked WithHttpCaching
        app.UseMiddleware<JsonFaceRequestValidation>();   // transcoded calls: unknown or malformed parameters refused
        app.UseContactGrpcWeb();
        // Operations: HTTP health (the same checks as grpc.health.v1: the store answers) and metrics.
        app.MapHealthChecks("/healthz").WithOperation(new HttpOperation("getHealth", "Operations", "Health",
            "Healthy (200) while the store answers a read, else Unhealthy (503): the same check as grpc.health.v1.Health/Check.")
            { TextContentType = "text/plain", Problems = false });
        app.MapPrometheusScrapingEndpoint("/metrics").WithOperation(new HttpOperation("getMetrics", "Operations", "Metrics",
            "Prometheus text: rpc_server_call_duration_seconds per RPC (service, method, status code), transcoded calls included.")
            { TextContentType = "text/plain", Problems = false });
        app.MapOpenReferralFeed(app.Services.GetRequiredService<ContactOptions>().OpenReferral);
        app.MapFinder();
        app.MapOpenApiDescription();
        app.MapUnknownRoutes();
        app.MapGrpcService<RegisterService>();
        app.MapGrpcService<PostcodeService>();
        app.MapGrpcService<AccessService>();
        app.MapGrpcService<AuditService>();
        app.MapGrpcService<ConcernService>();
        app.MapGrpcService<GrantService>();
        app.MapGrpcService<ReportService>();
        app.MapGrpcService<ReferralService>();
        app.MapGrpcService<StoreService>();
        app.MapGrpcService<CaseService>();
        app.MapGrpcService<InformationSharingService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>
    /// Opens the store and loads the register and the postcode directory; returns the refusal to print when the store cannot
    /// be opened (wrong key, damaged or foreign file) instead of throwing it at the host.
    /// </summary>
    public static Exception? OpenStore(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<RegisterRepository>().LoadIndex();
            services.GetRequiredService<PostcodeDirectory>().Load();
            return null;
        }
        catch (Exception ex) when (ex is StoreOpenException or SecretsException)
        {
            return ex;
        }
        catch (Exception ex) when (StoreDamagedException.IsDamage(ex))
        {
            return ex as StoreDamagedException ?? new StoreDamagedException(services.GetRequiredService<ContactOptions>().Storage.DisplayPath, ex);
        }
    }

    internal static Secrets LoadSecrets(ContactOptions options, ILogger log)
    {
        var keyFile = options.Secrets.KeyFile ?? Path.Combine(options.Storage.DataDirectory, "contact.key");
        return Secrets.Load(options.Secrets.DataKey, keyFile, File.Exists(options.Storage.ResolvePath()), log);
    }
}
