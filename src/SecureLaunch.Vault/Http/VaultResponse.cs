using System.Net;

namespace SecureLaunch.Vault.Http;

/// <summary>A response read in full inside one attempt, so the attempt's timeout also covers the body.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The raw body; may hold secret values, so it is never logged.</param>
internal sealed record VaultResponse(HttpStatusCode StatusCode, byte[] Body)
{
    /// <summary>The <c>Location</c> header of a redirect (a standby pointing at the active node).</summary>
    public Uri? Location { get; init; }

    /// <summary>The <c>Retry-After</c> header as a delay, when one was sent.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;

    /// <summary>204 (and an empty 200) mean success without a body.</summary>
    public bool HasBody => Body.Length > 0;

    /// <summary>Never prints the body.</summary>
    public override string ToString() => $"VaultResponse {{ StatusCode = {(int)StatusCode}, BodyLength = {Body.Length} }}";
}
