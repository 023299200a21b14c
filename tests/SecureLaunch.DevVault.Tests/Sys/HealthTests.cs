using System.Net;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Sys;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_of_an_active_server_is_200_with_the_documented_fields_and_needs_no_token()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/sys/health", token: null);

        call.Status.ShouldBe(HttpStatusCode.OK);
        call.Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = call.Json.AsObject();
        body.Select(p => p.Key).ShouldBe(
        [
            "initialized", "sealed", "standby", "performance_standby", "replication_performance_mode",
            "replication_dr_mode", "server_time_utc", "version", "cluster_name", "cluster_id",
        ]);
        body["initialized"]!.GetValue<bool>().ShouldBeTrue();
        body["sealed"]!.GetValue<bool>().ShouldBeFalse();
        body["standby"]!.GetValue<bool>().ShouldBeFalse();
        body["replication_dr_mode"]!.GetValue<string>().ShouldBe("disabled");
        body["server_time_utc"]!.GetValue<long>().ShouldBe(vault.Clock.GetUtcNow().ToUnixTimeSeconds());
        body["cluster_name"]!.GetValue<string>().ShouldStartWith("vault-cluster-");
    }

    [Fact]
    public async Task Health_activecode_replaces_the_status_of_an_active_node()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        (await vault.GetAsync("/v1/sys/health?activecode=299", token: null)).Status.ShouldBe((HttpStatusCode)299);
    }

    [Theory]
    [InlineData(DevVaultStatus.Standby, "", 429)]
    [InlineData(DevVaultStatus.Standby, "?standbyok=true", 200)]
    [InlineData(DevVaultStatus.Standby, "?standbycode=200", 200)]
    [InlineData(DevVaultStatus.Standby, "?standbyok=true&activecode=204", 204)]
    [InlineData(DevVaultStatus.Sealed, "", 503)]
    [InlineData(DevVaultStatus.Sealed, "?sealedcode=299", 299)]
    [InlineData(DevVaultStatus.Sealed, "?standbyok=true", 503)]
    [InlineData(DevVaultStatus.Uninitialized, "", 501)]
    [InlineData(DevVaultStatus.Uninitialized, "?uninitcode=299&sealedcode=298", 299)]
    public async Task Health_status_codes_follow_the_state_and_the_query_parameters(DevVaultStatus status, string query, int expected)
    {
        await using var vault = await DevVaultHarness.StartAsync(configure: o => o with { Status = status });

        var call = await vault.GetAsync("/v1/sys/health" + query, token: null);

        ((int)call.Status).ShouldBe(expected);
        if (expected == 204)
        {
            call.Body.ShouldBeEmpty();
            return;
        }

        call.Json["sealed"]!.GetValue<bool>().ShouldBe(status is DevVaultStatus.Sealed or DevVaultStatus.Uninitialized);
        call.Json["standby"]!.GetValue<bool>().ShouldBe(status == DevVaultStatus.Standby);
    }

    [Fact]
    public async Task Health_of_a_sealed_server_omits_cluster_name_and_id()
    {
        await using var vault = await DevVaultHarness.StartAsync(configure: o => o with { Status = DevVaultStatus.Sealed });

        var body = (await vault.GetAsync("/v1/sys/health", token: null)).Json.AsObject();

        body.ContainsKey("cluster_name").ShouldBeFalse();
        body.ContainsKey("cluster_id").ShouldBeFalse();
    }

    [Theory]
    [InlineData("?standbyok=maybe")]
    [InlineData("?activecode=abc")]
    [InlineData("?sealedcode=")]
    public async Task Health_with_a_malformed_parameter_is_400_with_empty_errors(string query)
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/sys/health" + query, token: null);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Health_HEAD_returns_the_status_without_a_body()
    {
        await using var vault = await DevVaultHarness.StartAsync(configure: o => o with { Status = DevVaultStatus.Standby });

        var call = await vault.SendAsync(HttpMethod.Head, "/v1/sys/health", null, token: null);

        call.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        call.Body.ShouldBeEmpty();
    }

    [Fact]
    public async Task Health_with_POST_is_405()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        (await vault.PostAsync("/v1/sys/health", token: null)).Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Status_can_change_while_running_and_sealing_answers_503_to_other_calls()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        vault.Server.Status = DevVaultStatus.Sealed;
        var health = await vault.GetAsync("/v1/sys/health", token: null);
        var lookup = await vault.GetAsync("/v1/auth/token/lookup-self");

        health.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        lookup.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        lookup.Errors.ShouldBe(["Vault is sealed"]);
    }
}
