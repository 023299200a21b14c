using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Sys.Seal;

public sealed class FileStorageSealTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "devvault-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_fresh_directory_starts_uninitialised_and_answers_503_outside_health_seal_status_and_init()
    {
        await using var vault = await StartAsync();

        var health = await vault.GetAsync("/v1/sys/health", token: null);
        var status = await vault.GetAsync("/v1/sys/seal-status", token: null);
        var init = await vault.GetAsync("/v1/sys/init", token: null);
        var read = await vault.GetAsync("/v1/secret/data/app", token: "anything");

        health.Status.ShouldBe(HttpStatusCode.NotImplemented);
        status.Json["initialized"]!.GetValue<bool>().ShouldBeFalse();
        status.Json["sealed"]!.GetValue<bool>().ShouldBeTrue();
        status.Json["storage_type"]!.GetValue<string>().ShouldBe("file");
        init.Json.ToJsonString().ShouldBe("{\"initialized\":false}");
        read.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        read.Errors.ShouldBe(["Vault is sealed"]);
        vault.Server.RootToken.ShouldBeEmpty();
    }

    [Fact]
    public async Task Init_returns_real_shares_and_a_root_token_and_leaves_the_server_sealed()
    {
        await using var vault = await StartAsync();

        var init = await vault.PutAsync("/v1/sys/init", new JsonObject { ["secret_shares"] = 5, ["secret_threshold"] = 3 }, token: null);
        var status = await vault.GetAsync("/v1/sys/seal-status", token: null);

        init.Status.ShouldBe(HttpStatusCode.OK);
        init.Json.AsObject().Select(p => p.Key).ShouldBe(["keys", "keys_base64", "root_token"]);
        var keys = Strings(init.Json["keys"]);
        keys.Count.ShouldBe(5);
        keys.ShouldAllBe(k => k.Length == 66);
        Strings(init.Json["keys_base64"]).Select(k => Convert.ToHexStringLower(Convert.FromBase64String(k))).ShouldBe(keys);
        init.Json["root_token"]!.GetValue<string>().ShouldStartWith("hvs.");
        status.Json["initialized"]!.GetValue<bool>().ShouldBeTrue();
        status.Json["sealed"]!.GetValue<bool>().ShouldBeTrue();
        status.Json["t"]!.GetValue<int>().ShouldBe(3);
        status.Json["n"]!.GetValue<int>().ShouldBe(5);
    }

    [Fact]
    public async Task Unseal_reports_progress_and_one_nonce_until_the_threshold_opens_the_seeded_data()
    {
        await using var vault = await StartAsync(Seeds.Standard);
        var (keys, root) = await InitAsync(vault);

        var first = await UnsealAsync(vault, keys[0]);
        var second = await UnsealAsync(vault, keys[3]);
        var third = await UnsealAsync(vault, keys[4]);

        first.Json["sealed"]!.GetValue<bool>().ShouldBeTrue();
        first.Json["progress"]!.GetValue<int>().ShouldBe(1);
        var nonce = first.Json["nonce"]!.GetValue<string>();
        Guid.TryParse(nonce, out _).ShouldBeTrue();
        second.Json["progress"]!.GetValue<int>().ShouldBe(2);
        second.Json["nonce"]!.GetValue<string>().ShouldBe(nonce);
        third.Status.ShouldBe(HttpStatusCode.OK);
        third.Json["sealed"]!.GetValue<bool>().ShouldBeFalse();
        third.Json["progress"]!.GetValue<int>().ShouldBe(0);
        third.Json["nonce"]!.GetValue<string>().ShouldBeEmpty();
        third.Json["cluster_name"].ShouldNotBeNull();
        (await vault.GetAsync("/v1/secret/data/myapp/stripe", root)).Data["data"]!["api_key"]!.GetValue<string>().ShouldBe("sk_test_123");
        vault.Server.RootToken.ShouldBe(root);
    }

    [Fact]
    public async Task Data_survives_a_restart_encrypted_and_comes_back_sealed_until_other_shares_open_it()
    {
        string[] keys;
        string root, token;
        await using (var first = await StartAsync(Seeds.Standard))
        {
            (keys, root) = await InitAsync(first);
            foreach (var key in keys[..3])
            {
                await UnsealAsync(first, key);
            }

            await first.PostAsync("/v1/secret/data/new/one", new JsonObject { ["data"] = new JsonObject { ["pin"] = "written-after-init" } }, root);
            await first.PutAsync("/v1/sys/policies/acl/reader", new JsonObject { ["policy"] = "path \"secret/data/*\" { capabilities = [\"read\"] }" }, root);
            token = (await first.PostAsync("/v1/auth/token/create", new JsonObject { ["policies"] = new JsonArray("reader"), ["ttl"] = "1h" }, root)).Json["auth"]!["client_token"]!.GetValue<string>();
        }

        var files = Directory.GetFiles(_directory).Select(File.ReadAllBytes).Select(Encoding.UTF8.GetString).ToList();
        files.ShouldNotContain(f => f.Contains("written-after-init") || f.Contains("sk_test_123") || f.Contains(root) || f.Contains(token));

        await using var second = await StartAsync(Seeds.Standard);
        var sealedRead = await second.GetAsync("/v1/secret/data/new/one", root);
        foreach (var key in new[] { keys[4], keys[1], keys[2] })
        {
            await UnsealAsync(second, key);
        }

        sealedRead.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await second.GetAsync("/v1/secret/data/new/one", token)).Data["data"]!["pin"]!.GetValue<string>().ShouldBe("written-after-init");
        (await second.GetAsync("/v1/kv/legacy/thing", token)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Shares_from_another_init_fail_with_invalid_key_and_reset_the_progress()
    {
        await using var vault = await StartAsync();
        var (keys, _) = await InitAsync(vault);
        var otherDirectory = _directory + "-other";
        string[] foreign;
        await using (var other = await DevVaultHarness.StartAsync(configure: o => o with { Storage = "file:" + otherDirectory }))
        {
            (foreign, _) = await InitAsync(other);
        }

        Directory.Delete(otherDirectory, recursive: true);
        await UnsealAsync(vault, keys[0]);
        await UnsealAsync(vault, foreign[1]);
        var failed = await UnsealAsync(vault, foreign[2]);
        var status = await vault.GetAsync("/v1/sys/seal-status", token: null);

        failed.Status.ShouldBe(HttpStatusCode.BadRequest);
        failed.Errors.ShouldBe(["Unseal failed, invalid key"]);
        status.Json["progress"]!.GetValue<int>().ShouldBe(0);
        status.Json["sealed"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Reset_discards_the_shares_given_so_far()
    {
        await using var vault = await StartAsync();
        var (keys, _) = await InitAsync(vault);
        await UnsealAsync(vault, keys[0]);

        var reset = await vault.PutAsync("/v1/sys/unseal", new JsonObject { ["reset"] = true }, token: null);

        reset.Json["progress"]!.GetValue<int>().ShouldBe(0);
        reset.Json["nonce"]!.GetValue<string>().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{}", "'key' must be specified in request body as JSON, or 'reset' set to true")]
    [InlineData("{\"key\": \"not hex nor base64!\"}", "'key' must be a valid hex or base64 string")]
    [InlineData("{\"key\": \"AAAA\"}", "key is shorter than minimum 16 bytes")]
    public async Task A_missing_or_malformed_key_is_400(string body, string error)
    {
        await using var vault = await StartAsync();
        await InitAsync(vault);

        var call = await vault.PutAsync("/v1/sys/unseal", body, token: null);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe([error]);
    }

    [Theory]
    [InlineData(3, 5, "invalid seal configuration: threshold cannot be larger than shares")]
    [InlineData(3, 1, "invalid seal configuration: threshold must be greater than one for multiple shares")]
    [InlineData(0, 0, "invalid seal configuration: shares must be at least one")]
    public async Task An_impossible_seal_configuration_is_400(int shares, int threshold, string error)
    {
        await using var vault = await StartAsync();

        var call = await vault.PutAsync("/v1/sys/init", new JsonObject { ["secret_shares"] = shares, ["secret_threshold"] = threshold }, token: null);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe([error]);
    }

    [Fact]
    public async Task A_second_init_is_400_already_initialized()
    {
        await using var vault = await StartAsync();
        await InitAsync(vault);

        var call = await vault.PutAsync("/v1/sys/init", new JsonObject { ["secret_shares"] = 1, ["secret_threshold"] = 1 }, token: null);

        call.Errors.ShouldBe(["Vault is already initialized"]);
    }

    [Fact]
    public async Task Seal_closes_the_data_and_a_single_share_init_reopens_it()
    {
        await using var vault = await StartAsync(Seeds.Standard);
        var init = await vault.PutAsync("/v1/sys/init", new JsonObject { ["secret_shares"] = 1, ["secret_threshold"] = 1 }, token: null);
        var key = Strings(init.Json["keys_base64"]).Single();
        var root = init.Json["root_token"]!.GetValue<string>();
        await UnsealAsync(vault, key);

        var seal = await vault.PutAsync("/v1/sys/seal", token: root);
        var whileSealed = await vault.GetAsync("/v1/kv/legacy/thing", root);
        await UnsealAsync(vault, key);

        seal.Status.ShouldBe(HttpStatusCode.NoContent);
        whileSealed.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await vault.GetAsync("/v1/kv/legacy/thing", root)).Data["password"]!.GetValue<string>().ShouldBe("hunter22");
    }

    private static List<string> Strings(JsonNode? node) => [.. node!.AsArray().Select(n => n!.GetValue<string>())];

    private static Task<VaultCall> UnsealAsync(DevVaultHarness vault, string key) =>
        vault.PutAsync("/v1/sys/unseal", new JsonObject { ["key"] = key }, token: null);

    private static async Task<(string[] Keys, string Root)> InitAsync(DevVaultHarness vault)
    {
        var init = await vault.PutAsync("/v1/sys/init", new JsonObject { ["secret_shares"] = 5, ["secret_threshold"] = 3 }, token: null);
        return ([.. Strings(init.Json["keys"])], init.Json["root_token"]!.GetValue<string>());
    }

    private Task<DevVaultHarness> StartAsync(DevVaultSeed? seed = null) =>
        DevVaultHarness.StartAsync(seed, o => o with { Storage = "file:" + _directory });
}
