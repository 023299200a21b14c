using System.Text.Json.Serialization;

namespace SecureLaunch.Core.Journal;

/// <summary>The Vault a launch took its leases from, and the token it used: by accessor, never the token.</summary>
public sealed record JournalVault
{
    /// <summary>The address the leases live at: <c>down</c> revokes them there, whatever the spec says now.</summary>
    public required string Address { get; init; }

    /// <summary>The namespace (<c>X-Vault-Namespace</c>), if any: lease ids are only valid inside it.</summary>
    public string? Namespace { get; init; }

    /// <summary>The accessor of the launch's token: enough to revoke it (<c>auth/token/revoke-accessor</c>), not to use it.</summary>
    public string? TokenAccessor { get; init; }

    /// <summary>The launch logged in for the token, so it is the launch's to revoke (a token the user gave is never revoked).</summary>
    public bool TokenCreated { get; init; }

    /// <summary>The created token was revoked already.</summary>
    public bool TokenRevoked { get; init; }

    /// <summary>The embedded dev Vault of <c>run --dev</c>: it and every lease in it ended with the launcher.</summary>
    public bool Ephemeral { get; init; }

    /// <summary>Whether the created token still needs revoking.</summary>
    [JsonIgnore]
    public bool TokenToRevoke => TokenCreated && !TokenRevoked && !string.IsNullOrEmpty(TokenAccessor) && !Ephemeral;
}
