namespace SecureLaunch.Conformance.Tests;

/// <summary>Set-up steps many tests share, all through the API.</summary>
public sealed partial class VaultTarget
{
    /// <summary>Creates a token as root (or as <paramref name="parent"/>) and returns its client token.</summary>
    public async Task<string> CreateTokenAsync(JsonObject parameters, string? parent = "")
    {
        var call = await PostAsync("auth/token/create", parameters, parent);
        call.Status.ShouldBe(HttpStatusCode.OK, call.Body);
        return call.Text("auth.client_token");
    }

    /// <summary>A child token of root with these policies (and <c>default</c>).</summary>
    public Task<string> TokenWithPoliciesAsync(params string[] policies) =>
        CreateTokenAsync(new JsonObject { ["policies"] = new JsonArray([.. policies.Select(p => (JsonNode?)JsonValue.Create(p))]) });

    /// <summary>Writes an ACL policy as root under a unique name and returns the name.</summary>
    public async Task<string> WritePolicyAsync(string hcl)
    {
        var name = Names.Unique("policy");
        var call = await PutAsync("sys/policies/acl/" + name, new JsonObject { ["policy"] = hcl });
        call.Status.ShouldBe(HttpStatusCode.NoContent, call.Body);
        return name;
    }

    /// <summary>Database credentials from the bootstrap's <c>app</c> role (30 s, max 2 m) under <paramref name="token"/>.</summary>
    public async Task<ApiCall> DatabaseCredsAsync(string? token = "")
    {
        var call = await GetAsync("database/creds/app", token);
        call.Status.ShouldBe(HttpStatusCode.OK, call.Body);
        return call;
    }
}
