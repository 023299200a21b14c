namespace SecureLaunch.Conformance.Tests.Sys;

public sealed class HealthAndSealStatusTests
{
    [Fact]
    public async Task Health_of_an_initialised_unsealed_active_server_is_200_with_vaults_fields()
    {
        await using var vault = await VaultTarget.StartAsync();

        var health = await vault.GetAsync("sys/health", token: null);

        health.Status.ShouldBe(HttpStatusCode.OK);
        foreach (var field in new[] { "initialized", "sealed", "standby", "performance_standby", "replication_performance_mode", "replication_dr_mode", "server_time_utc", "version", "cluster_name", "cluster_id" })
        {
            health.Json.AsObject().ContainsKey(field).ShouldBeTrue(field);
        }

        health.Flag("initialized").ShouldBeTrue();
        health.Flag("sealed").ShouldBeFalse();
        health.Flag("standby").ShouldBeFalse();
        health.Number("server_time_utc").ShouldBeGreaterThan(1_500_000_000);
    }

    [Fact]
    public async Task Health_status_codes_follow_the_query_and_head_has_no_body()
    {
        await using var vault = await VaultTarget.StartAsync();

        var custom = await vault.GetAsync("sys/health?activecode=218", token: null);
        var head = await vault.SendAsync(HttpMethod.Head, "sys/health", null, token: null);

        ((int)custom.Status).ShouldBe(218);
        custom.Flag("sealed").ShouldBeFalse();
        head.Status.ShouldBe(HttpStatusCode.OK);
        head.Body.ShouldBeEmpty();
    }

    [Fact]
    public async Task Seal_status_of_an_unsealed_server_has_shamir_type_threshold_and_shares()
    {
        await using var vault = await VaultTarget.StartAsync();

        var status = await vault.GetAsync("sys/seal-status", token: null);

        status.Status.ShouldBe(HttpStatusCode.OK);
        status.Text("type").ShouldBe("shamir");
        status.Flag("initialized").ShouldBeTrue();
        status.Flag("sealed").ShouldBeFalse();
        status.Number("t").ShouldBeGreaterThan(0);
        status.Number("n").ShouldBeGreaterThanOrEqualTo(status.Number("t"));
        status.Number("progress").ShouldBe(0);
        status.Text("nonce").ShouldBeEmpty();
        status.Flag("migration").ShouldBeFalse();
        status.Flag("recovery_seal").ShouldBeFalse();
        status.Text("version").ShouldNotBeEmpty();
        status.Text("cluster_name").ShouldNotBeEmpty();
        status.Text("cluster_id").ShouldNotBeEmpty();
        status.Text("storage_type").ShouldNotBeEmpty();
    }
}
