using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Sys.Seal;

public sealed class DevModeSealTests
{
    [Fact]
    public async Task In_memory_the_root_token_seals_and_the_dev_unseal_key_reopens_with_data_intact()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var seal = await vault.PostAsync("/v1/sys/seal");
        var health = await vault.GetAsync("/v1/sys/health", token: null);
        var read = await vault.GetAsync("/v1/kv/legacy/thing");
        var unseal = await vault.PutAsync("/v1/sys/unseal", new JsonObject { ["key"] = vault.Server.UnsealKey }, token: null);

        seal.Status.ShouldBe(HttpStatusCode.NoContent);
        health.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        read.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        unseal.Json["sealed"]!.GetValue<bool>().ShouldBeFalse();
        unseal.Json["t"]!.GetValue<int>().ShouldBe(1);
        unseal.Json["storage_type"]!.GetValue<string>().ShouldBe("inmem");
        (await vault.GetAsync("/v1/kv/legacy/thing")).Data["password"]!.GetValue<string>().ShouldBe("hunter22");
    }

    [Fact]
    public async Task Sealing_needs_root_or_sudo()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.WritePolicyAsync("operator", """path "sys/seal" { capabilities = ["update", "sudo"] }""");
        var plain = await vault.TokenWithPoliciesAsync();
        var operatorToken = await vault.TokenWithPoliciesAsync("operator");

        var refused = await vault.PostAsync("/v1/sys/seal", token: plain);
        var anonymous = await vault.PostAsync("/v1/sys/seal", token: null);
        var sealedByOperator = await vault.PostAsync("/v1/sys/seal", token: operatorToken);

        refused.Status.ShouldBe(HttpStatusCode.Forbidden);
        anonymous.Status.ShouldBe(HttpStatusCode.Forbidden);
        sealedByOperator.Status.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_wrong_key_in_memory_is_invalid()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/sys/seal");

        var call = await vault.PutAsync("/v1/sys/unseal", new JsonObject { ["key"] = Convert.ToBase64String(new byte[32]) }, token: null);

        call.Errors.ShouldBe(["Unseal failed, invalid key"]);
    }

    [Fact]
    public async Task Unseal_of_an_unsealed_server_just_reports_the_status()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PutAsync("/v1/sys/unseal", new JsonObject { ["key"] = vault.Server.UnsealKey }, token: null);

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Json["sealed"]!.GetValue<bool>().ShouldBeFalse();
    }
}
