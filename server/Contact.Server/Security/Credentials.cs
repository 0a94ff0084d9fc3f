using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Contact.Server.Domain.Common;
using Contact.Server.Domain.Register;
using Contact.Server.Storage;

namespace Contact.Server.Security;

/// <summary>
/// API keys: issued by NCT, shown once, stored only as a SHA-256 of the secret (the secret is 256
/// random bits, so a slow hash adds nothing), with expiry, revocation and last use. A key reads
/// "ck_{id}_{secret}": the id finds the record, the secret is compared in constant time.
/// Records are cached in memory; revocation updates the cache at once.
/// </summary>
public sealed class Credentials(ContactStore store, TimeProvider time)
{
    public const int DefaultValidDays = 365;
    public const int MaxValidDays = 730;

    private readonly ConcurrentDictionary<string, ApiKeyRecord> _cache = new();
    private readonly ApiKeyRepository _keys = new(store);

    public sealed record Issued(ApiKeyRecord Record, string Secret);

    /// <summary>Checks the rules for a new key's holder and ties (a practitioner needs an FCA identity, a centre its centre).</summary>
    public static void Validate(string? displayName, IReadOnlyCollection<Role> roles, string? fcaId, string? centreId, int validDays)
    {
        var v = new Validation()
            .RequireText(displayName, "display_name", 120)
            .Require(roles.Count > 0, "roles", "at least one role is required")
            .Require(roles.All(r => Enum.IsDefined(r) && r != Role.Unspecified), "roles", "unknown role")
            .Require(validDays is >= 0 and <= MaxValidDays, "valid_days", $"must be from 1 to {MaxValidDays} (0 for {DefaultValidDays})");
        if (roles.Contains(Role.Practitioner)) v.RequireText(fcaId, "fca_id", 64);
        else v.Require(string.IsNullOrEmpty(fcaId), "fca_id", "only a practitioner key is tied to an FCA identity");
        if (roles.Contains(Role.ContactCentre)) v.Require(centreId is not null, "centre", "a contact centre key needs its centre, \"centres/{centre}\"");
        else v.Require(centreId is null, "centre", "only a contact centre key is tied to a centre");
        v.ThrowIfInvalid();
        // Cafcass-only notes are decided by role set, so one key holding NACCC's role and a Cafcass
        // role would see Cafcass notes on NACCC's own requests (MOU 2.3.3, 2.3.4).
        if (roles.Contains(Role.Naccc) && roles.Any(RoleSets.Cafcass.Contains))
            throw RuleViolation.Rule("MOU 2.3.3", "a key cannot hold both the NACCC role and a Cafcass role " +
                "(NCT operator, practitioner, call centre, case system): NACCC sees only what Cafcass shares with it", "roles",
                RefusalKind.Invalid);
    }

    public async Task<Issued> IssueAsync(string displayName, IReadOnlyCollection<Role> roles, string? fcaId, string? centreId,
        int validDays, Principal issuer, CallAudit? audit, AuditTrail? trail)
    {
        var now = time.GetUtcNow();
        var id = Names.NewId();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new ApiKeyRecord
        {
            Id = id,
            SecretHash = HashSecret(secret),
            DisplayName = displayName.Trim(),
            Roles = roles.Distinct().Order().ToList(),
            FcaId = string.IsNullOrWhiteSpace(fcaId) ? null : fcaId.Trim(),
            CentreId = centreId,
            Created = now,
            Expires = now.AddDays(validDays == 0 ? DefaultValidDays : validDays),
            IssuedBy = issuer.DisplayName,
        };
        await store.WriteAsync(scope =>
        {
            ApiKeyRepository.Insert(scope, record);
            if (audit is not null) trail!.RecordIn(scope, audit.Touch(ApiKeyNames.Of(id)));
            scope.OnCommitted(() => _cache[id] = record);
        });
        return new Issued(record, $"ck_{id}_{secret}");
    }

    /// <summary>The principal for a presented key, or null when it is unknown, wrong, revoked or expired.</summary>
    public Principal? Authenticate(string presented)
    {
        if (!TryParse(presented, out var id, out var secret)) return null;
        var record = _cache.GetOrAdd(id, key => _keys.Find(key) ?? Missing);
        if (ReferenceEquals(record, Missing))
        {
            _cache.TryRemove(new KeyValuePair<string, ApiKeyRecord>(id, Missing));
            return null;
        }
        var now = time.GetUtcNow();
        if (!record.IsActive(now)) return null;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(record.SecretHash)))
            return null;
        NoteUse(record, now);
        return record.ToPrincipal();
    }

    public async Task<ApiKeyRecord> RevokeAsync(string id, CallAudit audit, AuditTrail trail)
    {
        var now = time.GetUtcNow();
        return await store.WriteAsync(scope =>
        {
            var record = ApiKeyRepository.Find(scope, id) ?? throw RuleViolation.NotFound(ApiKeyNames.Of(id));
            record.Revoked ??= now;
            ApiKeyRepository.Update(scope, record);
            trail.RecordIn(scope, audit.Touch(ApiKeyNames.Of(id)));
            scope.OnCommitted(() => _cache[id] = record);
            return record;
        });
    }

    public IReadOnlyList<ApiKeyRecord> List(bool includeInactive) =>
        _keys.All()
            .Where(k => includeInactive || k.IsActive(time.GetUtcNow()))
            .OrderBy(k => k.Created).ThenBy(k => k.Id)
            .ToList();

    /// <summary>Whether any live key holds the NCT operator role (the bootstrap is refused once one does).</summary>
    public bool HasActiveNctKey() =>
        _keys.All().Any(k => k.IsActive(time.GetUtcNow()) && k.Roles.Contains(Role.NctOperator));

    // Last use is kept to the minute, so a busy key costs one write a minute, not one a call.
    private void NoteUse(ApiKeyRecord record, DateTimeOffset now)
    {
        if (record.LastUsed is { } last && now - last < TimeSpan.FromMinutes(1)) return;
        record.LastUsed = now;
        _ = store.WriteAsync(scope =>
        {
            var stored = ApiKeyRepository.Find(scope, record.Id);
            if (stored is null) return;
            stored.LastUsed = now;
            ApiKeyRepository.Update(scope, stored);
        });
    }

    private static readonly ApiKeyRecord Missing = new();

    private static bool TryParse(string presented, out string id, out string secret)
    {
        id = secret = "";
        var parts = presented.Split('_', 3);
        if (parts.Length != 3 || parts[0] != "ck" || parts[1].Length != 13 || parts[2].Length != 43) return false;
        (id, secret) = (parts[1], parts[2]);
        return true;
    }

    private static string HashSecret(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(secret))).ToLowerInvariant();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
