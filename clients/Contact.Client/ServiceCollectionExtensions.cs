using Contact.V1;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Contact.Client;

/// <summary>Dependency injection: the Contact API's clients over Grpc.Net.ClientFactory.</summary>
public static class ContactClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ContactClient"/> and each service's generated client (e.g.
    /// <see cref="RegisterService.RegisterServiceClient"/>) as transients over one factory-managed
    /// channel (HttpClientFactory handlers), with the options' API key, default deadline and the
    /// retries the contract allows.
    /// </summary>
    public static IServiceCollection AddContactClient(this IServiceCollection services, ContactClientOptions options) =>
        services.AddContactClient(_ => options);

    /// <summary>As above, with options read when first needed (e.g. from configuration).</summary>
    public static IServiceCollection AddContactClient(this IServiceCollection services, Func<IServiceProvider, ContactClientOptions> options)
    {
        services.TryAddSingleton(new ContactOptionsSource(options));
        var builder = services.AddGrpcClient<ContactInvoker>((sp, o) =>
        {
            var settings = sp.GetRequiredService<ContactOptionsSource>().Get(sp);
            o.Address = settings.Address;
            o.ChannelOptionsActions.Add(channel =>
            {
                var defaults = ContactClient.ChannelOptions(settings.MaxAttempts, null);
                channel.ServiceConfig = defaults.ServiceConfig;
                channel.MaxReceiveMessageSize = defaults.MaxReceiveMessageSize;
            });
        });
        builder.AddInterceptor(sp =>
        {
            var settings = sp.GetRequiredService<ContactOptionsSource>().Get(sp);
            return new ContactClient.CallDefaults(settings.ApiKey, settings.DefaultDeadline);
        });
        builder.ConfigurePrimaryHttpMessageHandler(sp =>
            sp.GetRequiredService<ContactOptionsSource>().Get(sp).HttpHandler ?? new SocketsHttpHandler { EnableMultipleHttp2Connections = true });
        services.TryAddTransient(sp => new ContactClient(sp.GetRequiredService<ContactInvoker>().Invoker));
        services.TryAddTransient(sp => sp.GetRequiredService<ContactClient>().Register);
        services.TryAddTransient(sp => sp.GetRequiredService<ContactClient>().Postcodes);
        services.TryAddTransient(sp => sp.GetRequiredService<ContactClient>().Access);
        services.TryAddTransient(sp => sp.GetRequiredService<ContactClient>().Audit);
        services.TryAddTransient(sp => sp.GetRequiredService<ContactClient>().Concerns);
        services.TryAddTransient(sp => sp.GetRequiredService<ContactClient>().Grants);
        services.TryAddTransient(sp => sp.GetRequiredService<ContactClient>().Reports);
        services.TryAddTransient(sp => sp.GetRequiredService<ContactClient>().Referrals);
        services.TryAddTransient(sp => sp.GetRequiredService<ContactClient>().Store);
        services.TryAddTransient(sp => sp.GetRequiredService<ContactClient>().Cases);
        services.TryAddTransient(sp => sp.GetRequiredService<ContactClient>().InformationSharing);
        return services;
    }

    private sealed class ContactOptionsSource(Func<IServiceProvider, ContactClientOptions> factory)
    {
        private ContactClientOptions? _options;
        public ContactClientOptions Get(IServiceProvider services) => _options ??= factory(services);
    }
}

/// <summary>
/// The factory-made client whose only job is to carry the configured invoker (interceptors and
/// channel) to <see cref="ContactClient"/>.
/// </summary>
public sealed class ContactInvoker : ClientBase<ContactInvoker>
{
    /// <summary>Made by Grpc.Net.ClientFactory.</summary>
    public ContactInvoker(CallInvoker invoker) : base(invoker) { }

    private ContactInvoker(ClientBaseConfiguration configuration) : base(configuration) { }

    /// <summary>The configured invoker.</summary>
    public CallInvoker Invoker => CallInvoker;

    /// <inheritdoc />
    protected override ContactInvoker NewInstance(ClientBaseConfiguration configuration) => new(configuration);
}
