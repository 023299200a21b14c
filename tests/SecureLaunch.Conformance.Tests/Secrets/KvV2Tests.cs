namespace SecureLaunch.Conformance.Tests.Secrets;

public sealed class KvV2Tests
{
    [Fact]
    public async Task Writes_make_versions_read_by_number_with_their_metadata()
    {
        await using var vault = await VaultTarget.StartAsync();
        var path = Names.Unique("kv2");

        var first = await WriteAsync(vault, path, "v1");
        var second = await WriteAsync(vault, path, "v2");
        var latest = await vault.GetAsync($"secret/data/{path}");
        var old = await vault.GetAsync($"secret/data/{path}?version=1");

        first.Status.ShouldBe(HttpStatusCode.OK);
        first.Number("data.version").ShouldBe(1);
        first.Text("data.created_time").ShouldNotBeEmpty();
        first.Text("data.deletion_time").ShouldBeEmpty();
        first.Flag("data.destroyed").ShouldBeFalse();
        second.Number("data.version").ShouldBe(2);
        latest.Text("data.data.value").ShouldBe("v2");
        latest.Number("data.metadata.version").ShouldBe(2);
        latest.Keys("data").ShouldBe(["data", "metadata"]);
        old.Text("data.data.value").ShouldBe("v1");
    }

    [Fact]
    public async Task Check_and_set_refuses_a_write_against_the_wrong_version()
    {
        await using var vault = await VaultTarget.StartAsync();
        var path = Names.Unique("kv2");
        await WriteAsync(vault, path, "v1");

        var stale = await vault.PostAsync($"secret/data/{path}", new JsonObject { ["options"] = new JsonObject { ["cas"] = 0 }, ["data"] = new JsonObject { ["value"] = "x" } });
        var current = await vault.PostAsync($"secret/data/{path}", new JsonObject { ["options"] = new JsonObject { ["cas"] = 1 }, ["data"] = new JsonObject { ["value"] = "v2" } });

        stale.Status.ShouldBe(HttpStatusCode.BadRequest);
        stale.Errors.Single().ShouldContain("check-and-set parameter did not match the current version");
        current.Status.ShouldBe(HttpStatusCode.OK);
        current.Number("data.version").ShouldBe(2);
    }

    [Fact]
    public async Task Metadata_lists_versions_and_the_current_one()
    {
        await using var vault = await VaultTarget.StartAsync();
        var path = Names.Unique("kv2");
        await WriteAsync(vault, path, "v1");
        await WriteAsync(vault, path, "v2");

        var metadata = await vault.GetAsync($"secret/metadata/{path}");

        metadata.Status.ShouldBe(HttpStatusCode.OK);
        metadata.Number("data.current_version").ShouldBe(2);
        metadata.Number("data.oldest_version").ShouldBe(0);
        metadata.Number("data.max_versions").ShouldBe(0);
        metadata.Flag("data.cas_required").ShouldBeFalse();
        metadata.Text("data.delete_version_after").ShouldBe("0s");
        metadata.Keys("data.versions").ShouldBe(["1", "2"]);
        metadata.Text("data.versions.1.created_time").ShouldNotBeEmpty();
        metadata.Flag("data.versions.2.destroyed").ShouldBeFalse();
    }

    [Fact]
    public async Task Delete_hides_the_latest_version_undelete_brings_it_back_and_destroy_is_for_good()
    {
        await using var vault = await VaultTarget.StartAsync();
        var path = Names.Unique("kv2");
        await WriteAsync(vault, path, "v1");
        await WriteAsync(vault, path, "v2");

        (await vault.DeleteAsync($"secret/data/{path}")).Status.ShouldBe(HttpStatusCode.NoContent);
        var deleted = await vault.GetAsync($"secret/data/{path}");
        (await vault.PostAsync($"secret/undelete/{path}", new JsonObject { ["versions"] = new JsonArray(2) })).Status.ShouldBe(HttpStatusCode.NoContent);
        var restored = await vault.GetAsync($"secret/data/{path}");
        (await vault.PutAsync($"secret/destroy/{path}", new JsonObject { ["versions"] = new JsonArray(1) })).Status.ShouldBe(HttpStatusCode.NoContent);
        var destroyed = await vault.GetAsync($"secret/data/{path}?version=1");

        deleted.Status.ShouldBe(HttpStatusCode.NotFound);
        deleted.Json["data"]!["data"].ShouldBeNull();
        deleted.Text("data.metadata.deletion_time").ShouldNotBeEmpty();
        restored.Text("data.data.value").ShouldBe("v2");
        destroyed.Status.ShouldBe(HttpStatusCode.NotFound);
        destroyed.Flag("data.metadata.destroyed").ShouldBeTrue();
    }

    [Fact]
    public async Task List_on_metadata_names_children_and_deleting_metadata_removes_every_version()
    {
        await using var vault = await VaultTarget.StartAsync();
        var folder = Names.Unique("kv2");
        await WriteAsync(vault, $"{folder}/a", "1");
        await WriteAsync(vault, $"{folder}/sub/b", "2");

        var list = await vault.ListAsync($"secret/metadata/{folder}");
        (await vault.DeleteAsync($"secret/metadata/{folder}/a")).Status.ShouldBe(HttpStatusCode.NoContent);
        var gone = await vault.GetAsync($"secret/data/{folder}/a");

        list.Strings("data.keys").ShouldBe(["a", "sub/"]);
        gone.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Task<ApiCall> WriteAsync(VaultTarget vault, string path, string value) =>
        vault.PostAsync($"secret/data/{path}", new JsonObject { ["data"] = new JsonObject { ["value"] = value } });
}
