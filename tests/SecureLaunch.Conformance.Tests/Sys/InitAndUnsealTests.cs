using SecureLaunch.DevVault;

namespace SecureLaunch.Conformance.Tests.Sys;

/// <summary>Init and unseal on a server with storage that starts uninitialised: dev Vault only (a real one is initialised once).</summary>
public sealed class InitAndUnsealTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("conformance-init-").FullName;

    [Fact]
    public async Task An_uninitialised_server_reports_so_and_init_returns_shares_and_a_root_token_and_leaves_it_sealed()
    {
        VaultTarget.RequireDevVault("a server of its own, uninitialised, with file storage");
        await using var server = await StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address };

        var before = await GetJsonAsync(http, "/v1/sys/init");
        var health = await http.GetAsync(new Uri("/v1/sys/health", UriKind.Relative), TestContext.Current.CancellationToken);
        var status = await GetJsonAsync(http, "/v1/sys/seal-status");
        var init = await PutAsync(http, "/v1/sys/init", new JsonObject { ["secret_shares"] = 3, ["secret_threshold"] = 2 });
        var again = await PutAsync(http, "/v1/sys/init", new JsonObject { ["secret_shares"] = 1, ["secret_threshold"] = 1 });
        var after = await GetJsonAsync(http, "/v1/sys/seal-status");

        before.ToJsonString().ShouldBe("""{"initialized":false}""");
        ((int)health.StatusCode).ShouldBe(501);
        status["initialized"]!.GetValue<bool>().ShouldBeFalse();
        status["sealed"]!.GetValue<bool>().ShouldBeTrue();
        init.Status.ShouldBe(HttpStatusCode.OK);
        init.Strings("keys").Count.ShouldBe(3);
        init.Strings("keys").ShouldAllBe(k => k.Length == 66 && k.All(char.IsAsciiHexDigitLower));
        init.Strings("keys_base64").Count.ShouldBe(3);
        init.Text("root_token").ShouldNotBeEmpty();
        again.Status.ShouldBe(HttpStatusCode.BadRequest);
        again.Errors.ShouldBe(["Vault is already initialized"]);
        after["sealed"]!.GetValue<bool>().ShouldBeTrue();
        after["t"]!.GetValue<int>().ShouldBe(2);
        after["n"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task Unseal_counts_progress_reset_forgets_it_and_the_threshold_opens_the_server_which_is_sealed_again_after_a_restart()
    {
        VaultTarget.RequireDevVault("a server of its own, restarted, with file storage");
        string[] keys;
        string root;
        await using (var first = await StartAsync())
        {
            using var http = new HttpClient { BaseAddress = first.Address };
            var init = await PutAsync(http, "/v1/sys/init", new JsonObject { ["secret_shares"] = 3, ["secret_threshold"] = 2 });
            keys = [.. init.Strings("keys")];
            root = init.Text("root_token");

            var one = await PutAsync(http, "/v1/sys/unseal", new JsonObject { ["key"] = keys[0] });
            var reset = await PutAsync(http, "/v1/sys/unseal", new JsonObject { ["reset"] = true });
            await PutAsync(http, "/v1/sys/unseal", new JsonObject { ["key"] = keys[1] });
            var open = await PutAsync(http, "/v1/sys/unseal", new JsonObject { ["key"] = init.Strings("keys_base64")[2] });

            one.Flag("sealed").ShouldBeTrue();
            one.Number("progress").ShouldBe(1);
            one.Text("nonce").ShouldNotBeEmpty();
            reset.Number("progress").ShouldBe(0);
            open.Flag("sealed").ShouldBeFalse();
            open.Number("progress").ShouldBe(0);
        }

        await using var second = await StartAsync();
        using var again = new HttpClient { BaseAddress = second.Address };
        var sealedStatus = await GetJsonAsync(again, "/v1/sys/seal-status");
        using var read = new HttpRequestMessage(HttpMethod.Get, "/v1/auth/token/lookup-self");
        read.Headers.Add("X-Vault-Token", root);
        var refused = await again.SendAsync(read, TestContext.Current.CancellationToken);

        sealedStatus["sealed"]!.GetValue<bool>().ShouldBeTrue();
        sealedStatus["initialized"]!.GetValue<bool>().ShouldBeTrue();
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        JsonNode.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["errors"]!.AsArray().Single()!.GetValue<string>().ShouldBe("Vault is sealed");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<DevVaultServer> StartAsync() =>
        DevVaultServer.StartAsync(new DevVaultOptions { Storage = "file:" + _directory }, TestContext.Current.CancellationToken);

    private static async Task<JsonNode> GetJsonAsync(HttpClient http, string path) =>
        JsonNode.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken))!;

    private static async Task<ApiCall> PutAsync(HttpClient http, string path, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        var response = await http.PutAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
        return new ApiCall(response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response);
    }
}
