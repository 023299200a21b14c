namespace SecureLaunch.Core.Journal;

/// <summary>One secret of a launch: where it comes from, how often it was rotated, and a keyed fingerprint of its content.</summary>
public sealed record JournalSecret
{
    /// <summary>The spec name.</summary>
    public required string Name { get; init; }

    public required string Path { get; init; }

    /// <summary>
    /// HMAC-SHA256 of the secret's fields under a random key that lives only in the launcher's memory (first 16 hex
    /// digits): it changes when the content changes, and cannot be used to guess a value offline, as a plain hash of a
    /// short password could.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>New credentials or fresh reads applied since the launch started.</summary>
    public int Rotations { get; init; }

    public DateTimeOffset? LastRotatedAt { get; init; }

    /// <summary>What the loop does next for a secret without a lease (KV): <c>reread</c>.</summary>
    public string? NextAction { get; init; }

    public DateTimeOffset? NextDueAt { get; init; }

    /// <summary>The last failure to fetch it again, or the mint budget refusing, cleared by the next success.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }
}
