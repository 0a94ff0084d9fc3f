using Contact.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Contact.Client;

/// <summary>
/// The services of contact.v1 and what their descriptors say about each RPC: which are safe to
/// repeat (idempotency_level), how a List pages, how a Watch resumes. The SDK's retries, paging and
/// resuming are read from here, so a new RPC needs no change to the SDK.
/// </summary>
public static class ContactServices
{
    /// <summary>Every service of contact.v1 that <see cref="ContactClient"/> exposes.</summary>
    public static IReadOnlyList<ServiceDescriptor> All { get; } =
    [
        RegisterService.Descriptor, PostcodeService.Descriptor, AccessService.Descriptor, AuditService.Descriptor,
        ConcernService.Descriptor, GrantService.Descriptor, ReportService.Descriptor, ReferralService.Descriptor,
        StoreService.Descriptor, CaseService.Descriptor, InformationSharingService.Descriptor,
    ];

    /// <summary>True when the contract marks the RPC safe to repeat (NO_SIDE_EFFECTS or IDEMPOTENT).</summary>
    public static bool IsIdempotent(MethodDescriptor method) =>
        (method.GetOptions()?.IdempotencyLevel ?? MethodOptions.Types.IdempotencyLevel.IdempotencyUnknown)
            != MethodOptions.Types.IdempotencyLevel.IdempotencyUnknown;

    private static readonly Dictionary<MessageDescriptor, MethodDescriptor> ByRequest =
        All.SelectMany(s => s.Methods).GroupBy(m => m.InputType).ToDictionary(g => g.Key, g => g.First());

    /// <summary>The RPC that takes this request type (each request message belongs to one RPC).</summary>
    public static MethodDescriptor RpcFor(IMessage request) =>
        ByRequest.TryGetValue(request.Descriptor, out var method)
            ? method
            : throw new ArgumentException($"No contact.v1 RPC takes a {request.Descriptor.FullName}.", nameof(request));
}
