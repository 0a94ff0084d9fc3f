namespace Contact.Server.Hosting;

/// <summary>
/// gRPC-Web (Grpc.AspNetCore.Web) for browsers, served on the HTTP/1.1 listener, with CORS for the
/// configured origins only. Browsers send their page's Origin; a gRPC-Web call from an origin not
/// configured is refused with 403 here, rather than only left without CORS headers, so that a page
/// on another site can neither read nor cause anything. Native gRPC clients send no Origin.
/// </summary>
public static class GrpcWebAccess
{
    private const string Policy = "contact-grpc-web";

    // Browsers may only read the response headers CORS exposes: gRPC's status (a refusal arrives
    // as headers alone), its rich details (ErrorInfo with the clause) and the request id.
    private static readonly string[] Exposed =
        ["grpc-status", "grpc-message", "grpc-status-details-bin", "grpc-encoding", "grpc-accept-encoding", "x-request-id"];

    public static IServiceCollection AddContactGrpcWeb(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Contact:GrpcWeb").Get<GrpcWebSettings>() ?? new GrpcWebSettings();
        services.AddSingleton(options);
        services.AddCors(cors => cors.AddPolicy(Policy, policy => policy
            .WithOrigins(options.AllowedOrigins)
            .WithMethods("POST")
            .AllowAnyHeader()
            .WithExposedHeaders(Exposed)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }

    /// <summary>Before the endpoints: CORS, the origin check, then gRPC-Web's translation.</summary>
    public static WebApplication UseContactGrpcWeb(this WebApplication app)
    {
        var allowed = app.Services.GetRequiredService<GrpcWebSettings>().AllowedOrigins.ToHashSet(StringComparer.OrdinalIgnoreCase);
        app.UseWhen(IsGrpcPath, branch => branch.UseCors(Policy).Use(async (context, next) =>
        {
            if (context.Request.Headers.Origin is { Count: > 0 } origin && !allowed.Contains(origin.ToString()))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("This origin may not call the Contact API (Contact:GrpcWeb:AllowedOrigins).");
                return;
            }
            await next(context);
        }));
        app.UseGrpcWeb(new Microsoft.AspNetCore.Builder.GrpcWebOptions { DefaultEnabled = true });
        return app;
    }

    // gRPC paths are "/package.Service/Method": the contact.v1 services only (not the JSON
    // transcoding routes, the Open Referral feed or the finder page, which have their own rules).
    private static bool IsGrpcPath(HttpContext context) =>
        context.Request.Path.Value?.StartsWith("/contact.v1.", StringComparison.Ordinal) == true;
}
