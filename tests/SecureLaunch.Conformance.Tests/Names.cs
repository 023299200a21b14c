namespace SecureLaunch.Conformance.Tests;

/// <summary>Unique names for roles, users, policies and paths, so tests never collide on a shared real Vault.</summary>
public static class Names
{
    public static string Unique(string prefix) => $"conf-{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
}
