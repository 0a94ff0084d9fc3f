using Contact.Server.Security;
using Contact.Server.Storage;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using V1 = Contact.V1;

namespace Contact.Server.Services;

/// <summary>Operations on the store: online backups (restore is the offline `restore` command).</summary>
public sealed class StoreService(Backups backups) : V1.StoreService.StoreServiceBase
{
    public override async Task<V1.CreateBackupResponse> CreateBackup(V1.CreateBackupRequest request, ServerCallContext context)
    {
        var created = await backups.CreateAsync(context.Caller().Audit);
        return new V1.CreateBackupResponse
        {
            FileName = created.FileName,
            SizeBytes = created.SizeBytes,
            CreateTime = Timestamp.FromDateTimeOffset(created.Time),
            AuditSequence = created.AuditSequence,
        };
    }
}
