using System.Net;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Auth;

public sealed class TokenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lookup_self_reads_accessor_policies_ttl_and_never_the_token_id()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/auth/token/lookup-self", CannedResponse.Ok(Samples.LookupSelf));

        var info = await vault.Client.LookupSelfAsync(Ct);

        info.Accessor.ShouldBe("8609694a-cdbc-db9b-d345-e782dbb562ed");
        info.Policies.ShouldBe(["default", "testgroup2-policy"]);
        info.IdentityPolicies.ShouldBe(["dev-group-policy"]);
        info.Ttl.ShouldBe(TimeSpan.FromSeconds(2764790));
        info.Renewable.ShouldBeTrue();
        info.DisplayName.ShouldBe("ldap2-tesla");
        info.Orphan.ShouldBeTrue();
        info.ExpireTime.ShouldBe(DateTimeOffset.Parse("2018-05-19T11:35:54.466476215-04:00", System.Globalization.CultureInfo.InvariantCulture));
        info.ToString().ShouldNotContain("cf64a70f-3a12-3f6c-791d-6cef6d390eed");
    }

    [Fact]
    public async Task A_bad_token_is_permission_denied_with_vaults_errors_and_without_the_token()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/auth/token/lookup-self", CannedResponse.Error(403, "permission denied"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.Client.LookupSelfAsync(Ct));

        error.Kind.ShouldBe(VaultErrorKind.PermissionDenied);
        error.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        error.Errors.ShouldBe(["permission denied"]);
        error.Method.ShouldBe("GET");
        error.Path.ShouldBe("auth/token/lookup-self");
        error.ToString().ShouldNotContain(TestClient.Token);
        vault.Handler.Requests.Count.ShouldBe(1);
    }
}
