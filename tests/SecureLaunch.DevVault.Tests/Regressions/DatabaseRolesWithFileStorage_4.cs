using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Regressions;

/// <summary>
/// Once database roles could be written over the API they were persisted, and the snapshot replaced the seed's roles at
/// init and unseal: a file-storage server seeded with a role answered <c>unknown role</c>. The seed's roles now lie over
/// the snapshot at every start, and roles written over the API survive a restart.
/// </summary>
public sealed class DatabaseRolesWithFileStorage_4 : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("devvault-db-roles-").FullName;

    [Fact]
    public async Task Seeded_roles_and_roles_written_over_the_api_are_both_there_after_init_unseal_and_a_restart()
    {
        var seed = new DevVaultSeed { DatabaseRoles = new Dictionary<string, DevDatabaseRole> { ["seeded"] = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)) } };
        string key;
        string root;
        await using (var first = await StartAsync(seed))
        {
            var init = await first.PutAsync("/v1/sys/init", new JsonObject { ["secret_shares"] = 1, ["secret_threshold"] = 1 }, token: null);
            key = init.Json["keys"]![0]!.GetValue<string>();
            root = init.Json["root_token"]!.GetValue<string>();
            await first.PutAsync("/v1/sys/unseal", new JsonObject { ["key"] = key }, token: null);
            (await first.GetAsync("/v1/database/creds/seeded", root)).Status.ShouldBe(HttpStatusCode.OK);
            var write = await first.PostAsync("/v1/database/roles/written", new JsonObject { ["db_name"] = "pg", ["creation_statements"] = "x", ["default_ttl"] = "45s" }, root);
            write.Status.ShouldBe(HttpStatusCode.NoContent);
        }

        await using var second = await StartAsync(seed);
        await second.PutAsync("/v1/sys/unseal", new JsonObject { ["key"] = key }, token: null);

        (await second.GetAsync("/v1/database/creds/seeded", root)).Json["lease_duration"]!.GetValue<long>().ShouldBe(30);
        (await second.GetAsync("/v1/database/creds/written", root)).Json["lease_duration"]!.GetValue<long>().ShouldBe(45);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<DevVaultHarness> StartAsync(DevVaultSeed seed) => DevVaultHarness.StartAsync(seed, o => o with { Storage = "file:" + _directory });
}
