using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Secrets;

public sealed class KvV1Tests
{
    [Fact]
    public async Task Kv_v1_read_returns_fields_directly_under_data_with_the_mount_default_as_advisory_lease()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var call = await vault.GetAsync("/v1/kv/legacy/thing");

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Data["password"]!.GetValue<string>().ShouldBe("hunter22");
        call.Json["lease_id"]!.GetValue<string>().ShouldBeEmpty();
        call.Json["renewable"]!.GetValue<bool>().ShouldBeFalse();
        call.Json["lease_duration"]!.GetValue<long>().ShouldBe(2764800);
        call.Json["auth"].ShouldBeNull();
    }

    [Fact]
    public async Task Kv_v1_ttl_field_sets_the_advisory_lease_duration()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var write = await vault.PostAsync("/v1/kv/my-secret", new JsonObject { ["foo"] = "bar", ["ttl"] = "1h" });
        var read = await vault.GetAsync("/v1/kv/my-secret");

        write.Status.ShouldBe(HttpStatusCode.NoContent);
        read.Json["lease_duration"]!.GetValue<long>().ShouldBe(3600);
        read.Json["lease_id"]!.GetValue<string>().ShouldBeEmpty();
        read.Data["ttl"]!.GetValue<string>().ShouldBe("1h");
    }

    [Fact]
    public async Task Kv_v1_list_delete_and_missing_reads()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.PutAsync("/v1/kv/legacy/sub/one", new JsonObject { ["a"] = "b" });

        var list = await vault.ListAsync("/v1/kv/legacy");
        var delete = await vault.DeleteAsync("/v1/kv/legacy/thing");
        var missing = await vault.GetAsync("/v1/kv/legacy/thing");

        list.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["sub/", "thing"]);
        delete.Status.ShouldBe(HttpStatusCode.NoContent);
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Kv_v1_write_without_fields_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/kv/x", new JsonObject());

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["missing data fields"]);
    }
}
