using System.Net;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Auth;

public sealed class TokenAccessorTests
{
    private const string Accessor = "8609694a-cdbc-db9b-d345-e782dbb562ed";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lookup_accessor_posts_the_accessor_with_the_clients_token_and_reads_the_same_fields_as_lookup_self()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/auth/token/lookup-accessor", CannedResponse.Ok(Samples.LookupAccessor));

        var info = await vault.Client.LookupAccessorAsync(Accessor, Ct);

        var sent = vault.Handler.Requests.Single();
        sent.Header("X-Vault-Token").ShouldBe(TestClient.Token);
        sent.Json.GetProperty("accessor").GetString().ShouldBe(Accessor);
        info.Accessor.ShouldBe(Accessor);
        info.Policies.ShouldBe(["default", "testgroup2-policy"]);
        info.IdentityPolicies.ShouldBe(["dev-group-policy"]);
        info.Ttl.ShouldBe(TimeSpan.FromSeconds(2763902));
        info.Renewable.ShouldBeTrue();
        info.DisplayName.ShouldBe("ldap2-tesla");
        info.Orphan.ShouldBeTrue();
        info.ExpireTime.ShouldBe(DateTimeOffset.Parse("2018-05-19T11:35:54.466476215-04:00", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_accessor_vault_does_not_know_is_a_bad_request_with_vaults_error_and_is_not_retried()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/auth/token/lookup-accessor", CannedResponse.Error(400, "invalid accessor"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.LookupAccessorAsync("gone", Ct));

        error.Kind.ShouldBe(VaultErrorKind.BadRequest);
        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        error.Errors.ShouldBe(["invalid accessor"]);
        error.Method.ShouldBe("POST");
        error.Path.ShouldBe("auth/token/lookup-accessor");
        error.ToString().ShouldNotContain(TestClient.Token);
        vault.Handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_token_without_the_capability_is_permission_denied()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/auth/token/lookup-accessor", CannedResponse.Error(403, "1 error occurred:\n\t* permission denied\n\n"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.LookupAccessorAsync(Accessor, Ct));

        error.Kind.ShouldBe(VaultErrorKind.PermissionDenied);
        error.ToString().ShouldNotContain(TestClient.Token);
    }

    [Fact]
    public async Task Lookup_accessor_is_retried_through_a_500_as_a_lookup_changes_nothing()
    {
        using var vault = new TestClient();
        vault.Handler.On("POST", "/v1/auth/token/lookup-accessor", CannedResponse.Error(500), CannedResponse.Ok(Samples.LookupAccessor));

        var info = await vault.RunAsync(c => c.LookupAccessorAsync(Accessor, Ct));

        info.Accessor.ShouldBe(Accessor);
        vault.Handler.Count("POST", "/v1/auth/token/lookup-accessor").ShouldBe(2);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task No_accessor_is_refused_before_sending(string? accessor)
    {
        using var vault = new TestClient();

        await Should.ThrowAsync<ArgumentException>(() => vault.Client.LookupAccessorAsync(accessor!, Ct));

        vault.Handler.Requests.ShouldBeEmpty();
    }
}
