namespace SecureLaunch.Conformance.Tests.Wrapping;

public sealed class WrappingTests
{
    private static readonly Dictionary<string, string> WrapOneMinute = new() { ["X-Vault-Wrap-TTL"] = "60" };

    [Fact]
    public async Task Wrap_lookup_and_unwrap_give_back_the_data_once()
    {
        await using var vault = await VaultTarget.StartAsync();

        var wrap = await vault.SendAsync(HttpMethod.Post, "sys/wrapping/wrap", new JsonObject { ["app"] = "conf", ["n"] = 7 }, "", WrapOneMinute);
        var token = wrap.Text("wrap_info.token");
        var lookup = await vault.PostAsync("sys/wrapping/lookup", new JsonObject { ["token"] = token }, token: null);
        var unwrap = await vault.PostAsync("sys/wrapping/unwrap", token: token);
        var second = await vault.PostAsync("sys/wrapping/unwrap", token: token);
        var lookupAfter = await vault.PostAsync("sys/wrapping/lookup", new JsonObject { ["token"] = token }, token: null);

        wrap.Status.ShouldBe(HttpStatusCode.OK);
        wrap.Number("wrap_info.ttl").ShouldBe(60);
        wrap.Text("wrap_info.creation_path").ShouldBe("sys/wrapping/wrap");
        wrap.Text("wrap_info.creation_time").ShouldNotBeEmpty();
        lookup.Status.ShouldBe(HttpStatusCode.OK);
        lookup.Number("data.creation_ttl").ShouldBe(60);
        lookup.Text("data.creation_path").ShouldBe("sys/wrapping/wrap");
        unwrap.Status.ShouldBe(HttpStatusCode.OK);
        unwrap.Text("data.app").ShouldBe("conf");
        unwrap.Number("data.n").ShouldBe(7);
        second.Status.ShouldBe(HttpStatusCode.BadRequest);
        second.Errors.ShouldBe(["wrapping token is not valid or does not exist"]);
        lookupAfter.Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Unwrap_with_the_wrapping_token_in_the_body_works_for_any_valid_caller()
    {
        await using var vault = await VaultTarget.StartAsync();
        var secret = await vault.SendAsync(HttpMethod.Get, "secret/data/myapp/stripe", null, "", WrapOneMinute);

        var unwrap = await vault.PostAsync("sys/wrapping/unwrap", new JsonObject { ["token"] = secret.Text("wrap_info.token") });

        secret.Json["data"].ShouldBeNull();
        secret.Text("wrap_info.creation_path").ShouldBe("secret/data/myapp/stripe");
        unwrap.Status.ShouldBe(HttpStatusCode.OK);
        unwrap.Text("data.data.api_key").ShouldBe("sk_test_51HelloSecureLaunch");
    }

    [Fact]
    public async Task A_wrapping_token_expires_with_its_ttl()
    {
        VaultTarget.RequireDevVault("moves the clock");
        await using var vault = await VaultTarget.StartAsync();
        var wrap = await vault.SendAsync(HttpMethod.Post, "sys/wrapping/wrap", new JsonObject { ["a"] = "b" }, "", WrapOneMinute);
        vault.Advance(TimeSpan.FromSeconds(61));

        var unwrap = await vault.PostAsync("sys/wrapping/unwrap", token: wrap.Text("wrap_info.token"));

        unwrap.Status.ShouldBe(HttpStatusCode.BadRequest);
        unwrap.Errors.ShouldBe(["wrapping token is not valid or does not exist"]);
    }
}
