using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Control;

public sealed class ControlEndpointTests
{
    [Fact]
    public async Task Without_the_option_the_control_paths_are_unknown_paths()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);

        var counters = await vault.GetAsync("/_devvault/counters", token: null);
        var fault = await vault.PostAsync("/_devvault/faults", new JsonObject { ["kind"] = "service_unavailable" }, token: null);

        counters.Status.ShouldBe(HttpStatusCode.NotFound);
        fault.Status.ShouldBe(HttpStatusCode.NotFound);
        (await vault.GetAsync("/v1/kv/legacy/thing")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Counters_read_over_http_match_the_library_and_delete_resets_them()
    {
        await using var vault = await StartAsync();
        await vault.GetAsync("/v1/database/creds/app");
        await vault.GetAsync("/v1/database/creds/app");

        var read = await vault.GetAsync("/_devvault/counters", token: null);

        read.Status.ShouldBe(HttpStatusCode.OK);
        read.Json.ToJsonString().ShouldBe("""{"logins":{},"renewals":{},"revocations":{},"credentials_issued":{"database":2}}""");
        (await vault.DeleteAsync("/_devvault/counters", token: null)).Status.ShouldBe(HttpStatusCode.NoContent);
        vault.Server.Counters.CredentialsIssued.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("internal_server_error", HttpStatusCode.InternalServerError, "internal error")]
    [InlineData("service_unavailable", HttpStatusCode.ServiceUnavailable, "service unavailable")]
    public async Task An_injected_status_fault_breaks_the_next_matching_requests_only(string kind, HttpStatusCode status, string error)
    {
        await using var vault = await StartAsync();

        var inject = await vault.PostAsync("/_devvault/faults", new JsonObject { ["kind"] = kind, ["count"] = 2, ["path_prefix"] = "database/creds/" }, token: null);
        var other = await vault.GetAsync("/v1/kv/legacy/thing");
        var first = await vault.GetAsync("/v1/database/creds/app");
        var second = await vault.GetAsync("/v1/database/creds/app");
        var third = await vault.GetAsync("/v1/database/creds/app");

        inject.Status.ShouldBe(HttpStatusCode.NoContent);
        other.Status.ShouldBe(HttpStatusCode.OK);
        first.Status.ShouldBe(status);
        first.Errors.ShouldBe([error]);
        second.Status.ShouldBe(status);
        third.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_dropped_connection_fault_aborts_the_request_and_control_requests_are_never_faulted()
    {
        await using var vault = await StartAsync();
        await vault.PostAsync("/_devvault/faults", new JsonObject { ["kind"] = "drop_connection", ["count"] = 5 }, token: null);

        await Should.ThrowAsync<HttpRequestException>(() => vault.GetAsync("/v1/sys/health", token: null));
        var pending = await vault.GetAsync("/_devvault/faults", token: null);
        (await vault.DeleteAsync("/_devvault/faults", token: null)).Status.ShouldBe(HttpStatusCode.NoContent);

        pending.Json.ToJsonString().ShouldBe("""{"faults":[{"kind":"drop_connection","count":4,"path_prefix":null}]}""");
        (await vault.GetAsync("/v1/sys/health", token: null)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_latency_fault_holds_the_request_on_the_servers_clock()
    {
        await using var vault = await StartAsync();
        await vault.PostAsync("/_devvault/faults", new JsonObject { ["kind"] = "latency", ["delay"] = "45s" }, token: null);

        var pending = vault.GetAsync("/v1/sys/health", token: null);

        // The one real wait: the server must have received the request before the fake clock moves.
        await Task.Delay(200, TestContext.Current.CancellationToken);
        pending.IsCompleted.ShouldBeFalse();
        vault.Clock.Advance(TimeSpan.FromSeconds(45));
        (await pending).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_seal_fault_seals_the_server_before_the_request_which_is_then_refused_as_sealed()
    {
        await using var vault = await StartAsync();
        await vault.PostAsync("/_devvault/faults", new JsonObject { ["kind"] = "seal", ["path_prefix"] = "database/" }, token: null);

        var before = await vault.GetAsync("/v1/kv/legacy/thing");
        var sealedCall = await vault.GetAsync("/v1/database/creds/app");
        var health = await vault.GetAsync("/v1/sys/health", token: null);
        var unseal = await vault.PutAsync("/v1/sys/unseal", new JsonObject { ["key"] = vault.Server.UnsealKey }, token: null);

        before.Status.ShouldBe(HttpStatusCode.OK);
        sealedCall.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        sealedCall.Errors.ShouldBe(["Vault is sealed"]);
        health.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        unseal.Json["sealed"]!.GetValue<bool>().ShouldBeFalse();
        (await vault.GetAsync("/v1/database/creds/app")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_seal_is_a_seal_event_now()
    {
        await using var vault = await StartAsync();

        var seal = await vault.PostAsync("/_devvault/seal", token: null);

        seal.Status.ShouldBe(HttpStatusCode.NoContent);
        (await vault.GetAsync("/v1/sys/seal-status", token: null)).Json["sealed"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"kind":"meteor"}""", "kind must be one of")]
    [InlineData("""{"kind":"latency"}""", "needs a delay")]
    [InlineData("""{"kind":"latency","delay":"soon"}""", "delay must be a duration")]
    [InlineData("""{"kind":"seal","count":-1}""", "count must be")]
    public async Task A_malformed_fault_is_400_with_the_reason(string body, string reason)
    {
        await using var vault = await StartAsync();

        var call = await vault.PostAsync("/_devvault/faults", body, token: null);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.Single().ShouldContain(reason);
    }

    [Fact]
    public async Task Unknown_control_paths_are_404_and_wrong_methods_405()
    {
        await using var vault = await StartAsync();

        (await vault.GetAsync("/_devvault/nothing", token: null)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await vault.PutAsync("/_devvault/counters", token: null)).Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await vault.GetAsync("/_devvault/seal", token: null)).Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    private static Task<DevVaultHarness> StartAsync() => DevVaultHarness.StartAsync(Seeds.Standard, o => o with { Control = true });
}
