using SecureLaunch.DevVault;

namespace SecureLaunch.Conformance.Tests.Sys;

/// <summary>
/// A standby node: against the dev Vault, a second server standing by for the first; against a real Vault, the node at
/// <c>VAULT_STANDBY_ADDR</c> (vault-2 of vault-dev/compose.consul.yaml), or skipped.
/// </summary>
public sealed class StandbyTests
{
    [Fact]
    public async Task A_standby_answers_health_429_unless_standbyok()
    {
        await using var vault = await VaultTarget.StartAsync();
        await using var standby = await StandbyAsync(vault);

        var health = await standby.Http.GetAsync(new Uri("/v1/sys/health", UriKind.Relative), TestContext.Current.CancellationToken);
        var ok = await standby.Http.GetAsync(new Uri("/v1/sys/health?standbyok=true", UriKind.Relative), TestContext.Current.CancellationToken);

        health.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        JsonNode.Parse(await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["standby"]!.GetValue<bool>().ShouldBeTrue();
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_x_vault_no_request_forwarding_a_standby_redirects_307_to_the_same_path_on_the_active_node()
    {
        await using var vault = await VaultTarget.StartAsync();
        await using var standby = await StandbyAsync(vault);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/secret/data/myapp/stripe?version=1");
        request.Headers.Add("X-Vault-Token", vault.Root);
        request.Headers.Add("X-Vault-No-Request-Forwarding", "true");

        var response = await standby.Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        response.Headers.Location!.PathAndQuery.ShouldBe("/v1/secret/data/myapp/stripe?version=1");
        response.Headers.Location!.Authority.ShouldBe(standby.ActiveAuthority);
    }

    [Fact]
    public async Task Without_the_header_a_standby_serves_the_request_through_the_active_node()
    {
        await using var vault = await VaultTarget.StartAsync();
        await using var standby = await StandbyAsync(vault);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/secret/data/myapp/stripe");
        request.Headers.Add("X-Vault-Token", vault.Root);

        var response = await standby.Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["data"]!["data"]!["api_key"]!.GetValue<string>()
            .ShouldBe("sk_test_51HelloSecureLaunch");
    }

    private static async Task<Standby> StandbyAsync(VaultTarget vault)
    {
        var http = (Uri address) => new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        if (vault.Server is { } active)
        {
            var server = await DevVaultServer.StartAsync(new DevVaultOptions { ActiveNode = active.Address }, TestContext.Current.CancellationToken);
            return new Standby(http(server.Address), active.Address.Authority, server);
        }

        var address = Environment.GetEnvironmentVariable("VAULT_STANDBY_ADDR");
        Assert.SkipWhen(string.IsNullOrEmpty(address), "set VAULT_STANDBY_ADDR to a standby of VAULT_ADDR (vault-2 of vault-dev/compose.consul.yaml)");
        return new Standby(http(new Uri(address!)), vault.Http.BaseAddress!.Authority, null);
    }

    private sealed record Standby(HttpClient Http, string ActiveAuthority, DevVaultServer? Server) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            if (Server is not null)
            {
                await Server.DisposeAsync();
            }
        }
    }
}
