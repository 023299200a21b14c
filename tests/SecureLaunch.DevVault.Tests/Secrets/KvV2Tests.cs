using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Secrets;

public sealed class KvV2Tests
{
    [Fact]
    public async Task Kv_v2_read_returns_data_nested_under_data_data()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var call = await vault.GetAsync("/v1/secret/data/myapp/stripe");

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Json["lease_id"]!.GetValue<string>().ShouldBeEmpty();
        call.Json["renewable"]!.GetValue<bool>().ShouldBeFalse();
        call.Json["lease_duration"]!.GetValue<long>().ShouldBe(0);
        call.Json["mount_type"]!.GetValue<string>().ShouldBe("kv");
        call.Data["data"]!["api_key"]!.GetValue<string>().ShouldBe("sk_test_123");
        var metadata = call.Data["metadata"]!.AsObject();
        metadata.Select(p => p.Key).ShouldBe(["created_time", "custom_metadata", "deletion_time", "destroyed", "version"]);
        metadata["created_time"]!.GetValue<string>().ShouldBe("2025-03-01T12:00:00Z");
        metadata["custom_metadata"].ShouldBeNull();
        metadata["deletion_time"]!.GetValue<string>().ShouldBeEmpty();
        metadata["destroyed"]!.GetValue<bool>().ShouldBeFalse();
        metadata["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Kv_v2_read_of_a_missing_secret_is_404_with_empty_errors()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var call = await vault.GetAsync("/v1/secret/data/nope");

        call.Status.ShouldBe(HttpStatusCode.NotFound);
        call.Body.Trim().ShouldBe("{\"errors\":[]}");
    }

    [Fact]
    public async Task Kv_v2_write_returns_version_metadata_and_reads_by_version()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        vault.Clock.Advance(TimeSpan.FromMinutes(1));

        var write = await vault.PostAsync("/v1/secret/data/myapp/stripe", new JsonObject { ["data"] = new JsonObject { ["api_key"] = "sk_live_9", ["n"] = 3 } });
        var latest = await vault.GetAsync("/v1/secret/data/myapp/stripe");
        var first = await vault.GetAsync("/v1/secret/data/myapp/stripe?version=1");
        var absent = await vault.GetAsync("/v1/secret/data/myapp/stripe?version=7");

        write.Status.ShouldBe(HttpStatusCode.OK);
        write.Data.AsObject().Select(p => p.Key).ShouldBe(["created_time", "custom_metadata", "deletion_time", "destroyed", "version"]);
        write.Data["version"]!.GetValue<int>().ShouldBe(2);
        write.Data["created_time"]!.GetValue<string>().ShouldBe("2025-03-01T12:01:00Z");
        latest.Data["data"]!["api_key"]!.GetValue<string>().ShouldBe("sk_live_9");
        latest.Data["data"]!["n"]!.GetValue<int>().ShouldBe(3);
        first.Data["data"]!["api_key"]!.GetValue<string>().ShouldBe("sk_test_123");
        first.Data["metadata"]!["version"]!.GetValue<int>().ShouldBe(1);
        absent.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Kv_v2_write_with_PUT_is_the_same_as_POST()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var write = await vault.PutAsync("/v1/secret/data/a", new JsonObject { ["data"] = new JsonObject { ["k"] = "v" } });

        write.Status.ShouldBe(HttpStatusCode.OK);
        (await vault.GetAsync("/v1/secret/data/a")).Data["data"]!["k"]!.GetValue<string>().ShouldBe("v");
    }

    [Fact]
    public async Task Kv_v2_check_and_set_must_match_the_current_version()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        JsonObject Body(int cas) => new() { ["options"] = new JsonObject { ["cas"] = cas }, ["data"] = new JsonObject { ["k"] = "v" } };

        var mismatch = await vault.PostAsync("/v1/secret/data/myapp/stripe", Body(0));
        var match = await vault.PostAsync("/v1/secret/data/myapp/stripe", Body(1));
        var createOnly = await vault.PostAsync("/v1/secret/data/fresh", Body(0));

        mismatch.Status.ShouldBe(HttpStatusCode.BadRequest);
        mismatch.Errors.ShouldBe(["check-and-set parameter did not match the current version"]);
        match.Data["version"]!.GetValue<int>().ShouldBe(2);
        createOnly.Data["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Kv_v2_write_without_data_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/secret/data/a", new JsonObject { ["k"] = "v" });

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["no data provided"]);
    }

    [Fact]
    public async Task Kv_v2_metadata_lists_versions_and_current_version()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.PostAsync("/v1/secret/data/myapp/stripe", new JsonObject { ["data"] = new JsonObject { ["k"] = "v" } });

        var call = await vault.GetAsync("/v1/secret/metadata/myapp/stripe");

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Data.AsObject().Select(p => p.Key).ShouldBe(
        [
            "cas_required", "created_time", "current_version", "custom_metadata", "delete_version_after",
            "max_versions", "oldest_version", "updated_time", "versions",
        ]);
        call.Data["current_version"]!.GetValue<int>().ShouldBe(2);
        call.Data["oldest_version"]!.GetValue<int>().ShouldBe(0);
        call.Data["delete_version_after"]!.GetValue<string>().ShouldBe("0s");
        call.Data["versions"]!.AsObject().Select(p => p.Key).ShouldBe(["1", "2"]);
        call.Data["versions"]!["1"]!.AsObject().Select(p => p.Key).ShouldBe(["created_time", "deletion_time", "destroyed"]);
    }

    [Fact]
    public async Task Kv_v2_metadata_of_a_missing_secret_is_404()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        (await vault.GetAsync("/v1/secret/metadata/none")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Kv_v2_list_returns_keys_with_folders_suffixed_by_LIST_or_GET_list_true()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var byVerb = await vault.ListAsync("/v1/secret/metadata/myapp");
        var byQuery = await vault.GetAsync("/v1/secret/metadata/myapp/?list=true");
        var root = await vault.ListAsync("/v1/secret/metadata/");
        var empty = await vault.ListAsync("/v1/secret/metadata/nothing/");

        byVerb.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["nested/", "stripe"]);
        byQuery.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["nested/", "stripe"]);
        root.Data["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["myapp/"]);
        empty.Status.ShouldBe(HttpStatusCode.NotFound);
        empty.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Kv_v2_soft_deleted_latest_version_reads_404_with_its_metadata_and_can_be_undeleted()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var delete = await vault.DeleteAsync("/v1/secret/data/myapp/stripe");
        var deleted = await vault.GetAsync("/v1/secret/data/myapp/stripe");
        await vault.PostAsync("/v1/secret/undelete/myapp/stripe", new JsonObject { ["versions"] = new JsonArray(1) });
        var restored = await vault.GetAsync("/v1/secret/data/myapp/stripe");

        delete.Status.ShouldBe(HttpStatusCode.NoContent);
        deleted.Status.ShouldBe(HttpStatusCode.NotFound);
        deleted.Data["data"].ShouldBeNull();
        deleted.Data["metadata"]!["deletion_time"]!.GetValue<string>().ShouldBe("2025-03-01T12:00:00Z");
        restored.Data["data"]!["api_key"]!.GetValue<string>().ShouldBe("sk_test_123");
    }

    [Fact]
    public async Task Kv_v2_keeps_ten_versions_by_default()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        for (var i = 0; i < 12; i++)
        {
            await vault.PostAsync("/v1/secret/data/many", new JsonObject { ["data"] = new JsonObject { ["i"] = i } });
        }

        var metadata = (await vault.GetAsync("/v1/secret/metadata/many")).Data;

        metadata["current_version"]!.GetValue<int>().ShouldBe(12);
        metadata["oldest_version"]!.GetValue<int>().ShouldBe(3);
        metadata["versions"]!.AsObject().Count.ShouldBe(10);
        (await vault.GetAsync("/v1/secret/data/many?version=1")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Kv_v2_path_without_data_prefix_is_404_with_Vaults_warning()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var call = await vault.GetAsync("/v1/secret/myapp/stripe");

        call.Status.ShouldBe(HttpStatusCode.NotFound);
        call.Json["data"].ShouldBeNull();
        call.Json["warnings"]![0]!.GetValue<string>().ShouldStartWith("Invalid path for a versioned K/V secrets engine.");
    }

    [Fact]
    public async Task Kv_v2_values_keep_their_characters_on_the_wire()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        await vault.PostAsync("/v1/secret/data/chars", new JsonObject { ["data"] = new JsonObject { ["v"] = "a+b/c=é" } });

        var call = await vault.GetAsync("/v1/secret/data/chars");

        call.Body.ShouldContain("\"a+b/c=é\"");
    }

    [Fact]
    public async Task Kv_v2_read_with_a_malformed_version_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        (await vault.GetAsync("/v1/secret/data/myapp/stripe?version=two")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Kv_v2_LIST_on_the_data_path_is_405()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        (await vault.ListAsync("/v1/secret/data/myapp")).Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }
}
