namespace Contact.Server.OpenApi;

public static class HttpOperationExtensions
{
    public static TBuilder WithOperation<TBuilder>(this TBuilder builder, HttpOperation operation) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(operation);
}
