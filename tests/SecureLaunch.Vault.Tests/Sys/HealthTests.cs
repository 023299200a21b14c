using System.Net;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Sys;

public sealed class HealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sample_health_of_an_active_node_is_read_in_full()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/sys/health", CannedResponse.Ok(Samples.Health));

        var health = await vault.Client.GetHealthAsync(Ct);

        health.StatusCode.ShouldBe(200);
        health.Initialized.ShouldBeTrue();
        health.Sealed.ShouldBeFalse();
        health.Standby.ShouldBeFalse();
        health.Version.ShouldBe("0.9.2");
        health.ClusterName.ShouldBe("openbao-cluster-3bd69ca2");
        health.ClusterId.ShouldBe("00af5aa8-c87d-b5fc-e82e-97cd8dfaf731");
        health.ReplicationDrMode.ShouldBe("disabled");
        health.ServerTime.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1516639589));
    }

    [Theory]
    [InlineData(429, true, false, true, false)]
    [InlineData(472, true, false, false, false)]
    [InlineData(473, true, false, true, true)]
    [InlineData(501, false, true, false, false)]
    [InlineData(503, true, true, false, false)]
    public async Task Every_documented_status_is_an_answer_not_an_error(int status, bool initialized, bool isSealed, bool standby, bool perfStandby)
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/sys/health", new CannedResponse((HttpStatusCode)status, Samples.HealthWith(initialized, isSealed, standby, perfStandby)));

        var health = await vault.Client.GetHealthAsync(Ct);

        health.StatusCode.ShouldBe(status);
        health.Initialized.ShouldBe(initialized);
        health.Sealed.ShouldBe(isSealed);
        health.Standby.ShouldBe(standby);
        health.PerformanceStandby.ShouldBe(perfStandby);
        health.DrSecondary.ShouldBe(status == 472);
        vault.Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_503_from_a_proxy_without_a_health_body_is_an_error_after_retries()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/sys/health", new CannedResponse(HttpStatusCode.ServiceUnavailable, "\"no healthy upstream\""));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.RunAsync(c => c.GetHealthAsync(Ct)));

        error.Kind.ShouldBe(VaultErrorKind.Unavailable);
    }

    [Fact]
    public async Task A_502_from_a_proxy_is_retried_then_surfaces()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/sys/health", new CannedResponse(HttpStatusCode.BadGateway, "<html>bad gateway</html>"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.RunAsync(c => c.GetHealthAsync(Ct)));

        error.Kind.ShouldBe(VaultErrorKind.UpstreamError);
        vault.Handler.Requests.Count.ShouldBe(4);
    }
}
