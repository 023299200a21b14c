using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Wrapping;

public sealed class ResponseWrappingTests
{
    private const string InvalidToken = "wrapping token is not valid or does not exist";

    [Fact]
    public async Task A_wrap_ttl_header_returns_wrap_info_instead_of_the_data()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var call = await vault.SendAsync(HttpMethod.Get, "/v1/secret/data/myapp/stripe", null, "", "5m");

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Json["request_id"]!.GetValue<string>().ShouldBeEmpty();
        call.Json["data"].ShouldBeNull();
        call.Json["auth"].ShouldBeNull();
        var info = call.Json["wrap_info"]!.AsObject();
        info.Select(p => p.Key).ShouldBe(["token", "accessor", "ttl", "creation_time", "creation_path"]);
        info["token"]!.GetValue<string>().ShouldStartWith("hvs.");
        info["ttl"]!.GetValue<long>().ShouldBe(300);
        info["creation_time"]!.GetValue<string>().ShouldBe("2025-03-01T12:00:00Z");
        info["creation_path"]!.GetValue<string>().ShouldBe("secret/data/myapp/stripe");
        call.Body.ShouldNotContain("sk_test_123");
    }

    [Fact]
    public async Task Unwrap_with_the_wrapping_token_as_client_token_returns_the_original_response_once()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var wrapping = await WrapAsync(vault, "/v1/secret/data/myapp/stripe", "60");

        var first = await vault.PostAsync("/v1/sys/wrapping/unwrap", token: wrapping);
        var second = await vault.PostAsync("/v1/sys/wrapping/unwrap", token: wrapping);

        first.Status.ShouldBe(HttpStatusCode.OK);
        first.Data["data"]!["api_key"]!.GetValue<string>().ShouldBe("sk_test_123");
        first.Json["mount_type"]!.GetValue<string>().ShouldBe("kv");
        first.Json["wrap_info"].ShouldBeNull();
        Guid.TryParse(first.Json["request_id"]!.GetValue<string>(), out _).ShouldBeTrue();
        second.Status.ShouldBe(HttpStatusCode.BadRequest);
        second.Errors.ShouldBe([InvalidToken]);
    }

    [Fact]
    public async Task Unwrap_by_a_third_party_with_the_token_in_the_body_works_once()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var wrapping = await WrapAsync(vault, "/v1/kv/legacy/thing", "60");
        var other = await vault.TokenWithPoliciesAsync();

        var first = await vault.PostAsync("/v1/sys/wrapping/unwrap", new JsonObject { ["token"] = wrapping }, other);
        var second = await vault.PostAsync("/v1/sys/wrapping/unwrap", new JsonObject { ["token"] = wrapping }, other);

        first.Data["password"]!.GetValue<string>().ShouldBe("hunter22");
        second.Status.ShouldBe(HttpStatusCode.BadRequest);
        second.Errors.ShouldBe([InvalidToken]);
    }

    [Fact]
    public async Task An_expired_wrapping_token_cannot_be_unwrapped()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var wrapping = await WrapAsync(vault, "/v1/kv/legacy/thing", "30s");

        vault.Clock.Advance(TimeSpan.FromSeconds(30));

        (await vault.PostAsync("/v1/sys/wrapping/unwrap", token: wrapping)).Errors.ShouldBe([InvalidToken]);
    }

    [Fact]
    public async Task Lookup_is_unauthenticated_and_does_not_spend_the_token()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var wrapping = await WrapAsync(vault, "/v1/kv/legacy/thing", "2m");
        vault.Clock.Advance(TimeSpan.FromSeconds(10));

        var lookup = await vault.PostAsync("/v1/sys/wrapping/lookup", new JsonObject { ["token"] = wrapping }, token: null);
        var unwrap = await vault.PostAsync("/v1/sys/wrapping/unwrap", token: wrapping);

        lookup.Status.ShouldBe(HttpStatusCode.OK);
        lookup.Data.AsObject().Select(p => p.Key).ShouldBe(["creation_path", "creation_time", "creation_ttl"]);
        lookup.Data["creation_path"]!.GetValue<string>().ShouldBe("kv/legacy/thing");
        lookup.Data["creation_time"]!.GetValue<string>().ShouldBe("2025-03-01T12:00:00Z");
        lookup.Data["creation_ttl"]!.GetValue<long>().ShouldBe(120);
        unwrap.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Lookup_of_an_unwrapped_token_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var wrapping = await WrapAsync(vault, "/v1/kv/legacy/thing", "2m");
        await vault.PostAsync("/v1/sys/wrapping/unwrap", token: wrapping);

        var lookup = await vault.PostAsync("/v1/sys/wrapping/lookup", new JsonObject { ["token"] = wrapping }, token: null);

        lookup.Status.ShouldBe(HttpStatusCode.BadRequest);
        lookup.Errors.ShouldBe([InvalidToken]);
    }

    [Fact]
    public async Task Wrap_echoes_the_body_inside_a_wrapping_token()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var wrap = await vault.SendAsync(HttpMethod.Post, "/v1/sys/wrapping/wrap", new JsonObject { ["foo"] = "bar", ["zip"] = "zap" }, "", "60");
        var token = wrap.Json["wrap_info"]!["token"]!.GetValue<string>();
        var unwrapped = await vault.PostAsync("/v1/sys/wrapping/unwrap", token: token);

        wrap.Json["wrap_info"]!["creation_path"]!.GetValue<string>().ShouldBe("sys/wrapping/wrap");
        wrap.Json["wrap_info"]!["ttl"]!.GetValue<long>().ShouldBe(60);
        unwrapped.Data["zip"]!.GetValue<string>().ShouldBe("zap");
        unwrapped.Data["foo"]!.GetValue<string>().ShouldBe("bar");
    }

    [Fact]
    public async Task Wrap_without_the_header_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.PostAsync("/v1/sys/wrapping/wrap", new JsonObject { ["foo"] = "bar" });

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["endpoint requires response wrapping to be used"]);
    }

    [Fact]
    public async Task Rewrap_moves_the_response_to_a_new_token_with_the_same_ttl_and_path()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var old = await WrapAsync(vault, "/v1/kv/legacy/thing", "5m");
        vault.Clock.Advance(TimeSpan.FromMinutes(1));

        var rewrap = await vault.PostAsync("/v1/sys/wrapping/rewrap", new JsonObject { ["token"] = old });
        var info = rewrap.Json["wrap_info"]!;
        var oldUnwrap = await vault.PostAsync("/v1/sys/wrapping/unwrap", token: old);
        var newUnwrap = await vault.PostAsync("/v1/sys/wrapping/unwrap", token: info["token"]!.GetValue<string>());

        info["ttl"]!.GetValue<long>().ShouldBe(300);
        info["creation_path"]!.GetValue<string>().ShouldBe("kv/legacy/thing");
        info["creation_time"]!.GetValue<string>().ShouldBe("2025-03-01T12:01:00Z");
        oldUnwrap.Errors.ShouldBe([InvalidToken]);
        newUnwrap.Data["password"]!.GetValue<string>().ShouldBe("hunter22");
    }

    [Fact]
    public async Task A_wrapped_token_create_reports_the_wrapped_accessor()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.SendAsync(HttpMethod.Post, "/v1/auth/token/create", new JsonObject { ["policies"] = new JsonArray("default") }, "", "1m");
        var unwrapped = await vault.PostAsync("/v1/sys/wrapping/unwrap", token: call.Json["wrap_info"]!["token"]!.GetValue<string>());

        call.Json["wrap_info"]!["wrapped_accessor"]!.GetValue<string>().ShouldBe(unwrapped.Json["auth"]!["accessor"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("soon", "time: invalid duration \"soon\"")]
    [InlineData("-5", "requested wrap ttl cannot be negative")]
    public async Task A_malformed_wrap_ttl_is_400(string header, string error)
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.SendAsync(HttpMethod.Get, "/v1/auth/token/lookup-self", null, "", header);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe([error]);
    }

    [Fact]
    public async Task The_wrapping_token_itself_may_do_nothing_but_unwrap()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        var wrapping = await WrapAsync(vault, "/v1/kv/legacy/thing", "5m");

        var read = await vault.GetAsync("/v1/kv/legacy/thing", wrapping);

        read.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_max_wrapping_ttl_in_a_policy_refuses_longer_or_missing_wrapping()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        await vault.WritePolicyAsync("wrapped", """path "kv/*" { capabilities = ["read"] max_wrapping_ttl = "1m" }""");
        var token = await vault.TokenWithPoliciesAsync("wrapped");

        (await vault.GetAsync("/v1/kv/legacy/thing", token)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await vault.SendAsync(HttpMethod.Get, "/v1/kv/legacy/thing", null, token, "5m")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await vault.SendAsync(HttpMethod.Get, "/v1/kv/legacy/thing", null, token, "30s")).Status.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> WrapAsync(DevVaultHarness vault, string path, string ttl)
    {
        var call = await vault.SendAsync(HttpMethod.Get, path, null, "", ttl);
        return call.Json["wrap_info"]!["token"]!.GetValue<string>();
    }
}
