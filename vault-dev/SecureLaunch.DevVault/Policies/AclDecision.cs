namespace SecureLaunch.DevVault.Policies;

/// <summary>Whether an operation is allowed, and whether the matching rule grants <c>sudo</c> (needed on root-protected paths).</summary>
internal readonly record struct AclDecision(bool Allowed, bool Sudo);
