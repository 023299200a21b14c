namespace SecureLaunch.DevVault.Policies;

/// <summary>Rule lookup: exact, then the highest-priority glob or segment-wildcard match, as Vault orders them.</summary>
internal sealed partial class Acl
{
    /// <summary>
    /// True when the ACL grants anything at or below a mount (<c>secret/</c>): what Vault's mount listing and
    /// <c>sys/internal/ui/mounts/:path</c> require before they reveal a mount.
    /// </summary>
    public bool HasMountAccess(string mountPath)
    {
        if (IsRoot || CapabilitiesOn(mountPath) is not ["deny"])
        {
            return true;
        }

        static bool Grants(PathPermissions p) => !p.Capabilities.HasFlag(Capability.Deny) && p.Capabilities != Capability.None;

        if (_exact.Any(r => r.Key.StartsWith(mountPath, StringComparison.Ordinal) && Grants(r.Value))
            || _prefix.Any(r => r.Key.StartsWith(mountPath, StringComparison.Ordinal) && Grants(r.Value)))
        {
            return true;
        }

        var mountParts = mountPath.TrimEnd('/').Split('/');
        return _segments.Any(r => Grants(r.Value) && SegmentRuleReaches(r.Key, mountParts));
    }

    private PathPermissions? Find(string path, bool list)
    {
        if (_exact.TryGetValue(path, out var exact))
        {
            return exact;
        }

        if (list && _exact.TryGetValue(path.TrimEnd('/'), out exact))
        {
            return exact;
        }

        if (list && path.EndsWith('/') && NonExact(path[..^1]) is { } trimmed)
        {
            return trimmed;
        }

        return NonExact(path);
    }

    private PathPermissions? NonExact(string path)
    {
        var candidates = new List<Candidate>();
        var longest = _prefix.Keys.Where(p => path.StartsWith(p, StringComparison.Ordinal)).MaxBy(p => p.Length);
        if (longest is not null)
        {
            if (_segments.Count == 0)
            {
                return _prefix[longest];
            }

            candidates.Add(new Candidate(longest.Length, IsPrefix: true, Wildcards: 0, longest, _prefix[longest]));
        }

        var parts = path.Split('/');
        foreach (var (rulePath, permissions) in _segments)
        {
            if (MatchSegments(rulePath, parts) is { } candidate)
            {
                candidates.Add(candidate with { Permissions = permissions });
            }
        }

        return candidates.Count == 0 ? null : candidates.Max()!.Permissions;
    }

    private static Candidate? MatchSegments(string rulePath, string[] parts)
    {
        var isPrefix = rulePath.EndsWith('*');
        var pattern = isPrefix ? rulePath[..^1] : rulePath;
        var ruleParts = pattern.Split('/');
        if (parts.Length < ruleParts.Length || (!isPrefix && parts.Length != ruleParts.Length))
        {
            return null;
        }

        var wildcards = 0;
        for (var i = 0; i < ruleParts.Length; i++)
        {
            if (ruleParts[i] == "+")
            {
                wildcards++;
            }
            else if (ruleParts[i] != parts[i]
                && !(isPrefix && i == ruleParts.Length - 1 && parts[i].StartsWith(ruleParts[i], StringComparison.Ordinal)))
            {
                return null;
            }
        }

        return new Candidate(rulePath.IndexOf('+', StringComparison.Ordinal), isPrefix, wildcards, pattern, null!);
    }

    /// <summary>Could a <c>+</c> rule match some path under the mount? Its first segments must fit the mount's.</summary>
    private static bool SegmentRuleReaches(string rulePath, string[] mountParts)
    {
        var ruleParts = (rulePath.EndsWith('*') ? rulePath[..^1] : rulePath).Split('/');
        for (var i = 0; i < mountParts.Length; i++)
        {
            if (i >= ruleParts.Length)
            {
                return rulePath.EndsWith('*');
            }

            var last = i == ruleParts.Length - 1 && rulePath.EndsWith('*');
            if (ruleParts[i] != "+" && ruleParts[i] != mountParts[i] && !(last && mountParts[i].StartsWith(ruleParts[i], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A non-exact match, ordered by Vault's priority: later first wildcard, then not a prefix, then fewer <c>+</c>,
    /// then longer, then lexically greater.
    /// </summary>
    private sealed record Candidate(int FirstWildcard, bool IsPrefix, int Wildcards, string Pattern, PathPermissions Permissions) : IComparable<Candidate>
    {
        public int CompareTo(Candidate? other)
        {
            if (other is null)
            {
                return 1;
            }

            var byPosition = FirstWildcard.CompareTo(other.FirstWildcard);
            if (byPosition != 0)
            {
                return byPosition;
            }

            if (IsPrefix != other.IsPrefix)
            {
                return IsPrefix ? -1 : 1;
            }

            if (Wildcards != other.Wildcards)
            {
                return other.Wildcards.CompareTo(Wildcards);
            }

            return Pattern.Length != other.Pattern.Length
                ? Pattern.Length.CompareTo(other.Pattern.Length)
                : string.CompareOrdinal(Pattern, other.Pattern);
        }
    }
}
