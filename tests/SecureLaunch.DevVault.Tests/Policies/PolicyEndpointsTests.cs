using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Policies;

public sealed class PolicyEndpointsTests
{
    private const string Rules = "path \"secret/data/app/*\" {\n  capabilities = [\"read\"]\n}\n";

    [Fact]
    public async Task Sys_policies_acl_writes_204_then_reads_name_and_policy()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var write = await vault.PutAsync("/v1/sys/policies/acl/My-Policy", new JsonObject { ["policy"] = Rules });
        var read = await vault.GetAsync("/v1/sys/policies/acl/my-policy");

        write.Status.ShouldBe(HttpStatusCode.NoContent);
        read.Status.ShouldBe(HttpStatusCode.OK);
        read.Data.AsObject().Select(p => p.Key).ShouldBe(["name", "policy"]);
        read.Data["name"]!.GetValue<string>().ShouldBe("my-policy");
        read.Data["policy"]!.GetValue<string>().ShouldBe(Rules);
        read.Json.AsObject().ContainsKey("name").ShouldBeFalse();
    }

    [Fact]
    public async Task Sys_policies_acl_lists_keys_with_root_last()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("zeta", Rules);
        await vault.WritePolicyAsync("alpha", Rules);

        var call = await vault.ListAsync("/v1/sys/policies/acl");

        call.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["alpha", "default", "zeta", "root"]);
    }

    [Fact]
    public async Task Legacy_sys_policy_lists_keys_and_policies_in_data_and_at_the_top_level()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("deploy", Rules);

        var call = await vault.GetAsync("/v1/sys/policy");

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Json["policies"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["default", "deploy", "root"]);
        call.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["default", "deploy", "root"]);
        call.Data["policies"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task Legacy_sys_policy_reads_rules_and_accepts_rules_with_a_deprecation_warning()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var write = await vault.PutAsync("/v1/sys/policy/deploy", new JsonObject { ["rules"] = Rules });
        var read = await vault.GetAsync("/v1/sys/policy/deploy");

        write.Status.ShouldBe(HttpStatusCode.OK);
        write.Json["warnings"]!.AsArray().Single()!.GetValue<string>().ShouldBe("'rules' is deprecated, please use 'policy' instead");
        read.Json["rules"]!.GetValue<string>().ShouldBe(Rules);
        read.Data["name"]!.GetValue<string>().ShouldBe("deploy");
    }

    [Fact]
    public async Task A_base64_encoded_policy_is_stored_decoded()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        await vault.PutAsync("/v1/sys/policies/acl/b64", new JsonObject { ["policy"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(Rules)) });

        (await vault.GetAsync("/v1/sys/policies/acl/b64")).Data["policy"]!.GetValue<string>().ShouldBe(Rules);
    }

    [Fact]
    public async Task Reading_a_missing_policy_is_404_with_empty_errors()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/sys/policies/acl/nope");

        call.Status.ShouldBe(HttpStatusCode.NotFound);
        call.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_default_policy_is_readable_and_cannot_be_deleted_nor_root_changed()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var read = await vault.GetAsync("/v1/sys/policies/acl/default");
        var deleteDefault = await vault.DeleteAsync("/v1/sys/policies/acl/default");
        var deleteRoot = await vault.DeleteAsync("/v1/sys/policy/root");
        var writeRoot = await vault.PutAsync("/v1/sys/policies/acl/root", new JsonObject { ["policy"] = Rules });

        read.Data["policy"]!.GetValue<string>().ShouldContain("path \"auth/token/lookup-self\"");
        deleteDefault.Status.ShouldBe(HttpStatusCode.BadRequest);
        deleteDefault.Errors.ShouldBe(["cannot delete default policy"]);
        deleteRoot.Errors.ShouldBe(["cannot delete \"root\" policy"]);
        writeRoot.Errors.ShouldBe(["cannot update \"root\" policy"]);
    }

    [Theory]
    [InlineData("", "'policy' parameter not supplied or empty")]
    [InlineData("path \"x\" { capabilities = [\"fly\"] }", "failed to parse policy: path \"x\": invalid capability \"fly\"")]
    [InlineData("path \"x\" { capabilities = [\"read\"]", "failed to parse policy: At 1:35: object expected closing RBRACE got: EOF")]
    [InlineData("wat \"x\" { }", "failed to parse policy: invalid key \"wat\" on line 1")]
    [InlineData("path \"a/+*\" { capabilities = [\"read\"] }", "failed to parse policy: path \"a/+*\": invalid use of wildcards ('+*' is forbidden)")]
    public async Task A_bad_policy_is_400_with_the_parse_error(string policy, string error)
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PutAsync("/v1/sys/policies/acl/bad", new JsonObject { ["policy"] = policy });

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe([error]);
    }

    [Fact]
    public async Task Delete_is_204_and_the_policy_is_gone()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("gone", Rules);

        (await vault.DeleteAsync("/v1/sys/policies/acl/gone")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await vault.GetAsync("/v1/sys/policies/acl/gone")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_json_policy_is_accepted_as_Vault_accepts_it()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.WritePolicyAsync("json", """{"path": {"kv/legacy/*": {"capabilities": ["read"]}}}""");
        var token = await vault.TokenWithPoliciesAsync("json");

        (await vault.GetAsync("/v1/kv/legacy/thing", token)).Status.ShouldBe(HttpStatusCode.OK);
    }
}
