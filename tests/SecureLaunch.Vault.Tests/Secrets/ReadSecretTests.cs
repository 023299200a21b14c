using System.Net;
using System.Text.Json;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Secrets;

public sealed class ReadSecretTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_kv_v2_secret_is_read_from_data_after_detecting_the_mount()
    {
        using var vault = new TestClient();
        vault.Handler
            .OnMount("secret/my-secret", "secret/", "kv", "2")
            .On("GET", "/v1/secret/data/my-secret", CannedResponse.Ok(Samples.KvV2Read));

        var secret = await vault.Client.ReadSecretAsync(new SecretRequest { Path = "secret/my-secret" }, Ct);

        secret.Path.ShouldBe("secret/my-secret");
        secret.Data["foo"].GetString().ShouldBe("bar");
        secret.Data.Keys.ShouldBe(["foo"]);
        secret.KvVersion.ShouldBe(2);
        secret.Version.ShouldBe(2);
        secret.Lease.ShouldBeNull();
    }

    [Fact]
    public async Task Every_request_carries_the_token_the_request_header_and_the_namespace()
    {
        using var vault = new TestClient(o => o with { Namespace = "ns1/ns2/" });
        vault.Handler
            .OnMount("secret/my-secret", "ns1/ns2/secret/", "kv", "2")
            .On("GET", "/v1/secret/data/my-secret", CannedResponse.Ok(Samples.KvV2Read));

        await vault.Client.ReadSecretAsync(new SecretRequest { Path = "secret/my-secret" }, Ct);

        vault.Handler.Requests.Count.ShouldBe(2);
        vault.Handler.Requests.ShouldAllBe(r =>
            r.PathAndQuery.StartsWith("/v1/") && r.Header("X-Vault-Token") == TestClient.Token
            && r.Header("X-Vault-Request") == "true" && r.Header("X-Vault-Namespace") == "ns1/ns2/");
    }

    [Fact]
    public async Task No_namespace_header_is_sent_when_none_is_set()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/sys/health", CannedResponse.Ok(Samples.Health));

        await vault.Client.GetHealthAsync(Ct);

        vault.Handler.Requests.Single().Header("X-Vault-Namespace").ShouldBeNull();
    }

    [Fact]
    public async Task A_kv_v2_version_is_asked_for_in_the_query()
    {
        using var vault = new TestClient();
        vault.Handler
            .OnMount("secret/my-secret", "secret/", "kv", "2")
            .On("GET", "/v1/secret/data/my-secret?version=2", CannedResponse.Ok(Samples.KvV2Read));

        var secret = await vault.Client.ReadSecretAsync(new SecretRequest { Path = "secret/my-secret", Version = 2 }, Ct);

        secret.Version.ShouldBe(2);
    }

    [Fact]
    public async Task The_mount_is_detected_once_per_mount_for_the_clients_life()
    {
        using var vault = new TestClient();
        vault.Handler
            .OnMount("secret/a", "secret/", "kv", "2")
            .On("GET", "/v1/secret/data/a", CannedResponse.Ok(Samples.KvV2Read))
            .On("GET", "/v1/secret/data/b/c", CannedResponse.Ok(Samples.KvV2Read));

        await vault.Client.ReadSecretAsync(new SecretRequest { Path = "secret/a" }, Ct);
        await vault.Client.ReadSecretAsync(new SecretRequest { Path = "secret/a" }, Ct);
        await vault.Client.ReadSecretAsync(new SecretRequest { Path = "secret/b/c" }, Ct);

        vault.Handler.Requests.Count(r => r.PathAndQuery.StartsWith("/v1/sys/internal/ui/mounts/")).ShouldBe(1);
    }

    [Fact]
    public async Task A_soft_deleted_kv_v2_version_is_a_clear_not_found()
    {
        using var vault = new TestClient();
        vault.Handler
            .OnMount("secret/app", "secret/", "kv", "2")
            .On("GET", "/v1/secret/data/app", new CannedResponse(HttpStatusCode.NotFound, Samples.KvV2Deleted));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct));

        error.Kind.ShouldBe(VaultErrorKind.NotFound);
        error.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        error.Message.ShouldContain("version 3 was deleted at 2018-03-22T02:30:11.182931Z");
    }

    [Fact]
    public async Task A_destroyed_version_sent_with_200_and_null_data_is_a_not_found_too()
    {
        using var vault = new TestClient();
        vault.Handler
            .OnMount("secret/app", "secret/", "kv", "2")
            .On("GET", "/v1/secret/data/app", CannedResponse.Ok(Samples.KvV2Destroyed));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct));

        error.Kind.ShouldBe(VaultErrorKind.NotFound);
        error.Message.ShouldContain("version 1 was destroyed");
    }

    [Fact]
    public async Task A_missing_kv_v2_secret_is_a_not_found()
    {
        using var vault = new TestClient();
        vault.Handler.OnMount("secret/nope", "secret/", "kv", "2");

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.ReadSecretAsync(new SecretRequest { Path = "secret/nope" }, Ct));

        error.Kind.ShouldBe(VaultErrorKind.NotFound);
        error.Path.ShouldBe("secret/data/nope");
    }

    [Fact]
    public async Task A_kv_v1_secret_is_read_from_data_and_its_advisory_ttl_is_no_lease()
    {
        using var vault = new TestClient();
        vault.Handler
            .OnMount("kv/my-secret", "kv/", "kv", "1")
            .On("GET", "/v1/kv/my-secret", CannedResponse.Ok(Samples.KvV1Read));

        var secret = await vault.Client.ReadSecretAsync(new SecretRequest { Path = "kv/my-secret" }, Ct);

        secret.KvVersion.ShouldBe(1);
        secret.Data["foo"].GetString().ShouldBe("bar");
        secret.Data["ttl"].GetString().ShouldBe("1h");
        secret.Lease.ShouldBeNull();
        secret.Version.ShouldBeNull();
    }

    [Fact]
    public async Task Database_credentials_come_with_their_lease_timed_by_the_clients_clock()
    {
        using var vault = new TestClient();
        vault.Handler
            .OnMount("database/creds/my-role", "database/", "database", null)
            .On("GET", "/v1/database/creds/my-role", CannedResponse.Ok(Samples.DatabaseCreds));

        var secret = await vault.Client.ReadSecretAsync(new SecretRequest { Path = "database/creds/my-role" }, Ct);

        secret.KvVersion.ShouldBeNull();
        secret.Data["username"].GetString().ShouldBe("root-1430158508-126");
        secret.Lease.ShouldNotBeNull();
        secret.Lease.LeaseId.ShouldBe("database/creds/my-role/2f6a614c-4aa2-7b19-24b9-ad944a8d4de6");
        secret.Lease.Duration.ShouldBe(TimeSpan.FromHours(1));
        secret.Lease.Renewable.ShouldBeTrue();
        secret.Lease.ObtainedAt.ShouldBe(TestClient.Start);
        secret.Lease.ExpiresAt.ShouldBe(TestClient.Start.AddHours(1));
    }

    [Fact]
    public async Task A_post_with_a_body_is_sent_as_json_to_the_logical_path()
    {
        using var vault = new TestClient();
        vault.Handler
            .OnMount("pki/issue/web", "pki/", "pki", null)
            .On("POST", "/v1/pki/issue/web", CannedResponse.Ok("""{"lease_id":"","data":{"certificate":"-----BEGIN CERTIFICATE-----"}}"""));
        var body = JsonDocument.Parse("""{"common_name":"web.internal"}""").RootElement;

        var secret = await vault.Client.ReadSecretAsync(new SecretRequest { Path = "pki/issue/web", Method = HttpMethod.Post, Body = body }, Ct);

        var post = vault.Handler.Requests.Single(r => r.Method == "POST");
        post.Body.ShouldBe("""{"common_name":"web.internal"}""");
        secret.Data.Keys.ShouldBe(["certificate"]);
        secret.Lease.ShouldBeNull();
    }

    [Fact]
    public async Task When_the_mount_lookup_is_denied_the_path_is_read_as_a_logical_path()
    {
        using var vault = new TestClient();
        vault.Handler
            .On("GET", "/v1/sys/internal/ui/mounts/kv/app", CannedResponse.Error(403, "permission denied"))
            .On("GET", "/v1/kv/app", CannedResponse.Ok(Samples.KvV1Read));

        var secret = await vault.Client.ReadSecretAsync(new SecretRequest { Path = "kv/app" }, Ct);
        await vault.Client.ReadSecretAsync(new SecretRequest { Path = "kv/app" }, Ct);

        secret.Data["foo"].GetString().ShouldBe("bar");
        secret.KvVersion.ShouldBeNull();
        vault.Handler.Count("GET", "/v1/sys/internal/ui/mounts/kv/app").ShouldBe(1);
    }

    [Fact]
    public async Task When_vault_has_no_mount_lookup_endpoint_the_path_is_read_as_a_logical_path()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/kv/app", CannedResponse.Ok(Samples.KvV1Read));

        var secret = await vault.Client.ReadSecretAsync(new SecretRequest { Path = "kv/app" }, Ct);

        secret.Data["foo"].GetString().ShouldBe("bar");
    }

    [Fact]
    public async Task Writing_to_a_kv_mount_through_a_read_is_refused()
    {
        using var vault = new TestClient();
        vault.Handler.OnMount("secret/app", "secret/", "kv", "2");
        var body = JsonDocument.Parse("""{"data":{"x":"y"}}""").RootElement;

        await Should.ThrowAsync<ArgumentException>(() =>
            vault.Client.ReadSecretAsync(new SecretRequest { Path = "secret/app", Method = HttpMethod.Post, Body = body }, Ct));
        vault.Handler.Requests.ShouldNotContain(r => r.Method == "POST");
    }

    [Fact]
    public async Task A_body_on_a_get_is_refused_before_anything_is_sent()
    {
        using var vault = new TestClient();
        var body = JsonDocument.Parse("""{"x":"y"}""").RootElement;

        await Should.ThrowAsync<ArgumentException>(() =>
            vault.Client.ReadSecretAsync(new SecretRequest { Path = "pki/issue/web", Body = body }, Ct));
        vault.Handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Warnings_vault_sends_are_kept_on_the_secret()
    {
        using var vault = new TestClient();
        vault.Handler
            .OnMount("pki/issue/web", "pki/", "pki", null)
            .On("POST", "/v1/pki/issue/web", CannedResponse.Ok("""{"data":{},"warnings":["TTL of 720h exceeded the max TTL; capped"]}"""));

        var secret = await vault.Client.ReadSecretAsync(new SecretRequest { Path = "pki/issue/web", Method = HttpMethod.Post }, Ct);

        secret.Warnings.ShouldBe(["TTL of 720h exceeded the max TTL; capped"]);
    }

    [Fact]
    public async Task A_success_whose_body_is_not_json_is_an_invalid_response_that_does_not_quote_the_body()
    {
        using var vault = new TestClient();
        vault.Handler
            .OnMount("kv/app", "kv/", "kv", "1")
            .On("GET", "/v1/kv/app", CannedResponse.Ok("""{"data":{"password":"hunter2" """));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.ReadSecretAsync(new SecretRequest { Path = "kv/app" }, Ct));

        error.Kind.ShouldBe(VaultErrorKind.InvalidResponse);
        error.ToString().ShouldNotContain("hunter2");
    }
}
