namespace SecureLaunch.Core.Diagnostics;

/// <summary>
/// A lease id as it may appear in logs: its path and the first characters of its random part.
/// A full lease id is not a secret in itself, but with a token it is enough to revoke the lease.
/// </summary>
public readonly record struct ShortLeaseId(string LeaseId)
{
    private const int Shown = 6;

    public override string ToString()
    {
        var slash = LeaseId.LastIndexOf('/');
        var random = LeaseId[(slash + 1)..];
        return random.Length <= Shown ? LeaseId : $"{LeaseId[..(slash + 1)]}{random[..Shown]}…";
    }
}
