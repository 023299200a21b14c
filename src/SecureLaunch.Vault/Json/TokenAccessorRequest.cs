namespace SecureLaunch.Vault.Json;

/// <summary>Body of <c>auth/token/revoke-accessor</c> (and <c>lookup-accessor</c>).</summary>
internal sealed record TokenAccessorRequest(string Accessor);
