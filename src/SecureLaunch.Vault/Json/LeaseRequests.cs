namespace SecureLaunch.Vault.Json;

/// <summary>Body of <c>sys/leases/renew</c>; <c>increment</c> in seconds, left out to accept the backend's default.</summary>
internal sealed record LeaseRenewRequest(string LeaseId, long? Increment);

/// <summary>Body of <c>sys/leases/revoke</c>; <c>sync</c> so the answer means the credential is gone.</summary>
internal sealed record LeaseRevokeRequest(string LeaseId, bool Sync);

/// <summary>Body of <c>sys/leases/lookup</c>.</summary>
internal sealed record LeaseLookupRequest(string LeaseId);
