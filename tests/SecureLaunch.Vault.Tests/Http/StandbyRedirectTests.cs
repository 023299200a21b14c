using System.Net;
using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Http;

/// <summary>A standby's 307 to the active node: followed once, with the token, never downgraded, never looping.</summary>
public sealed class StandbyRedirectTests
{
    private const string Active = "http://10.0.0.2:8200";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CannedResponse RedirectTo(string location) =>
        new(HttpStatusCode.TemporaryRedirect) { Headers = new Dictionary<string, string> { ["Location"] = location } };

    [Fact]
    public async Task A_read_redirected_by_a_standby_is_sent_to_the_active_node_with_its_token()
    {
        using var vault = new TestClient();
        vault.Handler.OnMount("secret/app", "secret/", "kv", "2");
        vault.Handler.On("GET", "/v1/secret/data/app", request => request.RequestUri!.Authority == "127.0.0.1:8200"
            ? RedirectTo($"{Active}/v1/secret/data/app")
            : CannedResponse.Ok(Samples.KvV2Read));

        var secret = await vault.Client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct);

        secret.Data["foo"].GetString().ShouldBe("bar");
        var followed = vault.Handler.Requests[^1];
        followed.Authority.ShouldBe(Active);
        followed.Header("X-Vault-Token").ShouldBe(TestClient.Token);
        followed.Header("X-Vault-Request").ShouldBe("true");
    }

    [Fact]
    public async Task A_redirected_login_keeps_its_method_and_body_and_is_sent_once_to_the_active_node()
    {
        using var vault = TestClient.WithoutToken();
        vault.Handler.On("POST", "/v1/auth/userpass/login/ci", request => request.RequestUri!.Authority == "127.0.0.1:8200"
            ? RedirectTo($"{Active}/v1/auth/userpass/login/ci")
            : CannedResponse.Ok(AuthSamples.UserpassLogin));

        await vault.Client.LoginAsync(new UserpassAuth { Username = "ci", Password = "pw" }, Ct);

        vault.Handler.Requests.Count.ShouldBe(2);
        vault.Handler.Requests[1].Method.ShouldBe("POST");
        vault.Handler.Requests[1].Json.GetProperty("password").GetString().ShouldBe("pw");
        vault.Handler.Requests[1].Header("X-Vault-Token").ShouldBeNull();
    }

    [Fact]
    public async Task Two_nodes_redirecting_to_each_other_give_one_hop_then_a_standby_error_naming_the_active_node()
    {
        using var vault = new TestClient();
        vault.Handler.On("GET", "/v1/auth/token/lookup-self", request => request.RequestUri!.Authority == "127.0.0.1:8200"
            ? RedirectTo($"{Active}/v1/auth/token/lookup-self")
            : RedirectTo("http://127.0.0.1:8200/v1/auth/token/lookup-self"));

        var error = await Should.ThrowAsync<VaultApiException>(() => vault.RunAsync(c => c.LookupSelfAsync(Ct)));

        error.Kind.ShouldBe(VaultErrorKind.Standby);
        error.RedirectLocation.ShouldBe(new Uri("http://127.0.0.1:8200/v1/auth/token/lookup-self"));
        error.Message.ShouldContain("the active node is http://127.0.0.1:8200");
        vault.Handler.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("https://127.0.0.1:8200/v1/x", "http://10.0.0.2:8200/v1/x", null)]
    [InlineData("http://127.0.0.1:8200/v1/x", "https://10.0.0.2:8200/v1/x", "https://10.0.0.2:8200/v1/x")]
    [InlineData("http://127.0.0.1:8200/v1/x", "/v1/x?redirected=1", "http://127.0.0.1:8200/v1/x?redirected=1")]
    [InlineData("http://127.0.0.1:8200/v1/x", "http://127.0.0.1:8200/v1/x", null)]
    [InlineData("http://127.0.0.1:8200/v1/x", "ftp://10.0.0.2/v1/x", null)]
    public void Only_a_redirect_that_keeps_tls_and_goes_elsewhere_is_followed(string requested, string location, string? followed) =>
        StandbyRedirect.Target(new Uri(requested), HttpStatusCode.TemporaryRedirect, new Uri(location, UriKind.RelativeOrAbsolute))
            .ShouldBe(followed is null ? null : new Uri(followed));

    [Theory]
    [InlineData(HttpStatusCode.MovedPermanently)]
    [InlineData(HttpStatusCode.Found)]
    [InlineData(HttpStatusCode.OK)]
    public void Other_statuses_are_not_followed(HttpStatusCode status) =>
        StandbyRedirect.Target(new Uri("http://a:8200/v1/x"), status, new Uri("http://b:8200/v1/x")).ShouldBeNull();
}
