using System.Net;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Sys;

public sealed class SealStatusTests
{
    [Fact]
    public async Task Seal_status_of_an_unsealed_server_has_the_documented_fields()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/sys/seal-status", token: null);

        call.Status.ShouldBe(HttpStatusCode.OK);
        var body = call.Json.AsObject();
        body.Select(p => p.Key).ShouldBe(
        [
            "type", "initialized", "sealed", "t", "n", "progress", "nonce", "version", "build_date",
            "migration", "cluster_name", "cluster_id", "recovery_seal", "storage_type",
        ]);
        body["type"]!.GetValue<string>().ShouldBe("shamir");
        body["sealed"]!.GetValue<bool>().ShouldBeFalse();
        body["t"]!.GetValue<int>().ShouldBe(1);
        body["n"]!.GetValue<int>().ShouldBe(1);
        body["progress"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Seal_status_of_a_sealed_server_is_200_with_sealed_true_and_no_cluster()
    {
        await using var vault = await DevVaultHarness.StartAsync(configure: o => o with { Status = DevVaultStatus.Sealed });

        var call = await vault.GetAsync("/v1/sys/seal-status", token: null);

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Json["sealed"]!.GetValue<bool>().ShouldBeTrue();
        call.Json.AsObject().ContainsKey("cluster_name").ShouldBeFalse();
    }

    [Fact]
    public async Task Seal_status_with_PUT_is_405()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        (await vault.PutAsync("/v1/sys/seal-status", token: null)).Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }
}
