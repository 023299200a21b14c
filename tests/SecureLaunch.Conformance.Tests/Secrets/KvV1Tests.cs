namespace SecureLaunch.Conformance.Tests.Secrets;

public sealed class KvV1Tests
{
    [Fact]
    public async Task Write_read_list_and_delete_with_the_mounts_default_lease()
    {
        await using var vault = await VaultTarget.StartAsync();
        var folder = Names.Unique("kv1");

        var write = await vault.PostAsync($"kv/{folder}/db", new JsonObject { ["password"] = "p1", ["port"] = 5432 });
        var read = await vault.GetAsync($"kv/{folder}/db");
        var list = await vault.ListAsync($"kv/{folder}");
        var listByQuery = await vault.GetAsync($"kv/{folder}?list=true");
        var delete = await vault.DeleteAsync($"kv/{folder}/db");
        var gone = await vault.GetAsync($"kv/{folder}/db");

        write.Status.ShouldBe(HttpStatusCode.NoContent);
        read.Status.ShouldBe(HttpStatusCode.OK);
        read.Text("data.password").ShouldBe("p1");
        read.Number("data.port").ShouldBe(5432);
        read.Number("lease_duration").ShouldBe(2764800);
        read.Flag("renewable").ShouldBeFalse();
        read.Text("lease_id").ShouldBeEmpty();
        read.Text("mount_type").ShouldBe("kv");
        list.Strings("data.keys").ShouldBe(["db"]);
        listByQuery.Strings("data.keys").ShouldBe(["db"]);
        delete.Status.ShouldBe(HttpStatusCode.NoContent);
        gone.Status.ShouldBe(HttpStatusCode.NotFound);
        gone.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_list_of_nothing_is_404()
    {
        await using var vault = await VaultTarget.StartAsync();

        var list = await vault.ListAsync($"kv/{Names.Unique("empty")}");

        list.Status.ShouldBe(HttpStatusCode.NotFound);
        list.Errors.ShouldBeEmpty();
    }
}
