namespace SecureLaunch.Vault;

/// <summary>
/// A lease id as it may appear in a log line: the path it was issued on and the first characters of its
/// random part (<c>database/creds/app/AbC1…</c>). Enough to correlate, not enough to act on the lease.
/// </summary>
public readonly record struct ShortLeaseId(string LeaseId)
{
    private const int Shown = 6;

    public override string ToString()
    {
        var slash = LeaseId.LastIndexOf('/');
        var prefix = slash < 0 ? string.Empty : LeaseId[..(slash + 1)];
        var random = LeaseId[(slash + 1)..];
        return random.Length <= Shown ? prefix + random : $"{prefix}{random[..Shown]}…";
    }
}
