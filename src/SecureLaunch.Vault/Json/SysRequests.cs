namespace SecureLaunch.Vault.Json;

/// <summary>Body of <c>sys/unseal</c>: one key share, or <c>reset</c> to discard the shares given so far.</summary>
internal sealed record UnsealRequest(string? Key, bool? Reset)
{
    public override string ToString() => nameof(UnsealRequest);
}

/// <summary>Body of <c>POST sys/init</c> (Shamir seal: no PGP keys, no recovery shares).</summary>
internal sealed record InitRequest(int SecretShares, int SecretThreshold);

/// <summary>Body of <c>sys/capabilities-self</c>.</summary>
internal sealed record CapabilitiesRequest(IReadOnlyList<string> Paths);
