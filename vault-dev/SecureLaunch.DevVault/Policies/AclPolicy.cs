namespace SecureLaunch.DevVault.Policies;

/// <summary>A named ACL policy: its text as written and the rules parsed from it.</summary>
internal sealed record AclPolicy(string Name, string Raw, IReadOnlyList<PathRule> Rules);
