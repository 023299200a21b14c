using System.Net;
using Shouldly;

namespace SecureLaunch.DevVault.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task The_next_requests_fail_with_the_injected_status_then_the_server_answers_again()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        vault.Server.InjectFaults(DevVaultFault.ServiceUnavailable, 2);
        vault.Server.InjectFaults(DevVaultFault.InternalServerError, 1);

        var first = await vault.GetAsync("/v1/kv/legacy/thing");
        var second = await vault.GetAsync("/v1/sys/health", token: null);
        var third = await vault.GetAsync("/v1/kv/legacy/thing");
        var fourth = await vault.GetAsync("/v1/kv/legacy/thing");

        first.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        first.Errors.ShouldBe(["service unavailable"]);
        second.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        third.Status.ShouldBe(HttpStatusCode.InternalServerError);
        third.Errors.ShouldBe(["internal error"]);
        fourth.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_dropped_connection_surfaces_as_an_http_request_exception()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        vault.Server.InjectFaults(DevVaultFault.DropConnection, 1);

        await Should.ThrowAsync<HttpRequestException>(() => vault.GetAsync("/v1/sys/health", token: null));
        (await vault.GetAsync("/v1/sys/health", token: null)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_path_prefix_limits_the_fault_to_matching_requests()
    {
        await using var vault = await DevVaultHarness.StartAsync(Seeds.Standard);
        vault.Server.InjectFaults(DevVaultFault.InternalServerError with { PathPrefix = "database/creds/" }, 1);

        var other = await vault.GetAsync("/v1/kv/legacy/thing");
        var creds = await vault.GetAsync("/v1/database/creds/app");

        other.Status.ShouldBe(HttpStatusCode.OK);
        creds.Status.ShouldBe(HttpStatusCode.InternalServerError);
        vault.Server.Leases.ShouldBeEmpty();
    }

    [Fact]
    public async Task Latency_holds_the_answer_until_the_fake_clock_moves()
    {
        await using var vault = await DevVaultHarness.StartAsync();
        vault.Server.InjectFaults(DevVaultFault.Latency(TimeSpan.FromSeconds(30)), 1);

        var pending = vault.GetAsync("/v1/sys/health", token: null);

        // The one real wait here: the server must have received the request (and started its delay on the fake
        // clock) before the clock moves, and nothing else shows that from outside.
        await Task.Delay(200, TestContext.Current.CancellationToken);
        pending.IsCompleted.ShouldBeFalse();
        vault.Clock.Advance(TimeSpan.FromSeconds(30));

        var answer = await pending;
        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.Json["server_time_utc"]!.GetValue<long>().ShouldBe(vault.Clock.GetUtcNow().ToUnixTimeSeconds());
    }
}
