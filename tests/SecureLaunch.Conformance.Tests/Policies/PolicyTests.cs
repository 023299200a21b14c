namespace SecureLaunch.Conformance.Tests.Policies;

public sealed class PolicyTests
{
    [Fact]
    public async Task A_request_the_policies_do_not_allow_is_403_permission_denied()
    {
        await using var vault = await VaultTarget.StartAsync();
        var policy = await vault.WritePolicyAsync("""path "secret/data/myapp/*" { capabilities = ["read"] }""");
        var token = await vault.TokenWithPoliciesAsync(policy);

        var allowed = await vault.GetAsync("secret/data/myapp/stripe", token);
        var denied = await vault.GetAsync("kv/legacy/thing", token);
        var write = await vault.PostAsync("secret/data/myapp/stripe", new JsonObject { ["data"] = new JsonObject { ["x"] = "y" } }, token);

        allowed.Status.ShouldBe(HttpStatusCode.OK);
        denied.Status.ShouldBe(HttpStatusCode.Forbidden);
        denied.Errors.Single().ShouldContain("permission denied");
        write.Status.ShouldBe(HttpStatusCode.Forbidden);
        write.Errors.Single().ShouldContain("permission denied");
    }

    [Fact]
    public async Task Capabilities_self_lists_each_paths_capabilities_with_globs_and_deny()
    {
        await using var vault = await VaultTarget.StartAsync();
        var policy = await vault.WritePolicyAsync("""
            path "secret/data/conf/*" { capabilities = ["read", "list"] }
            path "secret/data/conf/hidden" { capabilities = ["deny"] }
            path "kv/conf" { capabilities = ["create", "update"] }
            """);
        var token = await vault.TokenWithPoliciesAsync(policy);

        var call = await vault.PostAsync("sys/capabilities-self", new JsonObject { ["paths"] = new JsonArray("secret/data/conf/a", "secret/data/conf/hidden", "kv/conf", "kv/other") }, token);

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Strings("data.secret/data/conf/a").Order().ShouldBe(["list", "read"]);
        call.Strings("data.secret/data/conf/hidden").ShouldBe(["deny"]);
        call.Strings("data.kv/conf").Order().ShouldBe(["create", "update"]);
        call.Strings("data.kv/other").ShouldBe(["deny"]);
    }

    [Fact]
    public async Task A_policy_reads_back_as_written_and_lists()
    {
        await using var vault = await VaultTarget.StartAsync();
        const string Hcl = """path "kv/conf/*" { capabilities = ["read"] }""";
        var name = await vault.WritePolicyAsync(Hcl);

        var read = await vault.GetAsync("sys/policies/acl/" + name);
        var list = await vault.ListAsync("sys/policies/acl");

        read.Text("data.name").ShouldBe(name);
        read.Text("data.policy").ShouldBe(Hcl);
        list.Strings("data.keys").ShouldContain(name);
        list.Strings("data.keys").ShouldContain("default");
    }
}
