using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Sys;

public sealed class StandbyTests
{
    [Fact]
    public async Task A_standby_answers_health_429_unless_standbyok_and_names_the_active_node_as_leader()
    {
        await using var active = await DevVaultHarness.StartAsync();
        await using var standby = await DevVaultHarness.StartAsync(configure: o => o with { ActiveNode = active.Server.Address });

        var health = await standby.GetAsync("/v1/sys/health", token: null);
        var standbyOk = await standby.GetAsync("/v1/sys/health?standbyok=true", token: null);
        var leader = await standby.GetAsync("/v1/sys/leader", token: null);
        var activeLeader = await active.GetAsync("/v1/sys/leader", token: null);

        health.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        health.Json["standby"]!.GetValue<bool>().ShouldBeTrue();
        standbyOk.Status.ShouldBe(HttpStatusCode.OK);
        leader.Json["ha_enabled"]!.GetValue<bool>().ShouldBeTrue();
        leader.Json["is_self"]!.GetValue<bool>().ShouldBeFalse();
        leader.Json["leader_address"]!.GetValue<string>().ShouldBe(active.Server.Address.ToString());
        activeLeader.Json["ha_enabled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task With_no_request_forwarding_a_standby_redirects_307_to_the_same_path_on_the_active_node()
    {
        await using var active = await DevVaultHarness.StartAsync(Seeds.Standard);
        await using var standby = await DevVaultHarness.StartAsync(configure: o => o with { ActiveNode = active.Server.Address });
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = standby.Server.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/secret/data/myapp/stripe?version=1");
        request.Headers.Add("X-Vault-Token", active.Root);
        request.Headers.Add("X-Vault-No-Request-Forwarding", "true");

        var response = await noRedirects.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        response.Headers.Location.ShouldBe(new Uri(active.Server.Address, "/v1/secret/data/myapp/stripe?version=1"));
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_the_header_a_standby_forwards_to_the_active_node_and_relays_its_answer()
    {
        await using var active = await DevVaultHarness.StartAsync(Seeds.Standard);
        await using var standby = await DevVaultHarness.StartAsync(configure: o => o with { ActiveNode = active.Server.Address });

        var read = await standby.GetAsync("/v1/secret/data/myapp/stripe", active.Root);
        var write = await standby.PostAsync("/v1/kv/from-standby", new JsonObject { ["a"] = "b" }, active.Root);
        var denied = await standby.GetAsync("/v1/kv/from-standby", "not-a-token");

        read.Status.ShouldBe(HttpStatusCode.OK);
        read.Data["data"]!["api_key"]!.GetValue<string>().ShouldBe("sk_test_123");
        write.Status.ShouldBe(HttpStatusCode.NoContent);
        (await active.GetAsync("/v1/kv/from-standby")).Data["a"]!.GetValue<string>().ShouldBe("b");
        denied.Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
