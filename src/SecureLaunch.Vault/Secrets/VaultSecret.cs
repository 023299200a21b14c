using System.Text.Json;

namespace SecureLaunch.Vault.Secrets;

/// <summary>
/// A secret as read: its fields (for KV v2 the inner <c>data.data</c>) and, for dynamic secrets, its lease.
/// <see cref="ToString"/> never prints field values.
/// </summary>
public sealed record VaultSecret
{
    public required string Path { get; init; }

    /// <summary>The secret's fields; values are kept as JSON (strings, numbers, objects).</summary>
    public required IReadOnlyDictionary<string, JsonElement> Data { get; init; }

    /// <summary>The lease, or null for secrets that have none (KV).</summary>
    public VaultLease? Lease { get; init; }

    /// <summary>KV engine version when the path was on a KV mount (1 or 2); null for other engines.</summary>
    public int? KvVersion { get; init; }

    /// <summary>KV v2 only: the version that was read.</summary>
    public int? Version { get; init; }

    /// <summary>Warnings Vault sent with the secret (unrecognized parameters, a TTL it capped...).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public override string ToString() =>
        $"VaultSecret {{ Path = {Path}, Fields = [{string.Join(", ", Data.Keys)}], Lease = {Lease} }}";
}
