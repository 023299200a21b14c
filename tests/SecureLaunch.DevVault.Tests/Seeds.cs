namespace SecureLaunch.DevVault.Tests;

/// <summary>Seeds shared by the tests.</summary>
public static class Seeds
{
    public static DevVaultSeed Standard { get; } = new()
    {
        Kv = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["secret/myapp/stripe"] = new Dictionary<string, string> { ["api_key"] = "sk_test_123" },
            ["secret/myapp/nested/deep"] = new Dictionary<string, string> { ["x"] = "1" },
            ["kv/legacy/thing"] = new Dictionary<string, string> { ["password"] = "hunter22" },
        },
        DatabaseRoles = new Dictionary<string, DevDatabaseRole>
        {
            ["app"] = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)),
            ["long"] = new(TimeSpan.FromHours(1), TimeSpan.FromMinutes(10)),
        },
        Policies = new Dictionary<string, string>
        {
            ["app"] = """
                path "database/creds/*" { capabilities = ["read"] }
                path "secret/data/myapp/*" { capabilities = ["read"] }
                """,
            ["creator"] = """path "auth/token/create" { capabilities = ["update"] }""",
        },
    };
}
