using System.Net;
using System.Text;
using SecureLaunch.Vault.Http;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Http;

public sealed class VaultErrorsTests
{
    [Fact]
    public void The_errors_array_of_the_api_index_is_read_in_order() =>
        VaultErrors.Parse(Encoding.UTF8.GetBytes("""{"errors":["message","another message"]}""")).ShouldBe(["message", "another message"]);

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("""{"errors":null}""")]
    [InlineData("""{"data":{}}""")]
    public void A_body_that_is_not_vaults_gives_no_errors_rather_than_failing(string body) =>
        VaultErrors.Parse(Encoding.UTF8.GetBytes(body)).ShouldBeEmpty();

    [Theory]
    [InlineData(400, VaultErrorKind.BadRequest)]
    [InlineData(403, VaultErrorKind.PermissionDenied)]
    [InlineData(404, VaultErrorKind.NotFound)]
    [InlineData(405, VaultErrorKind.UnsupportedOperation)]
    [InlineData(412, VaultErrorKind.PreconditionFailed)]
    [InlineData(429, VaultErrorKind.RateLimited)]
    [InlineData(307, VaultErrorKind.Standby)]
    [InlineData(500, VaultErrorKind.ServerError)]
    [InlineData(502, VaultErrorKind.UpstreamError)]
    [InlineData(503, VaultErrorKind.Unavailable)]
    [InlineData(504, VaultErrorKind.ServerError)]
    [InlineData(418, VaultErrorKind.Other)]
    public void Each_documented_status_has_its_kind(int status, VaultErrorKind kind) =>
        VaultErrors.Classify((HttpStatusCode)status, []).ShouldBe(kind);

    [Fact]
    public void A_503_saying_vault_is_sealed_is_sealed() =>
        VaultErrors.Classify(HttpStatusCode.ServiceUnavailable, ["Vault is sealed"]).ShouldBe(VaultErrorKind.Sealed);

    [Fact]
    public void The_exception_carries_status_errors_method_path_and_redirect_location()
    {
        var request = new VaultRequest(HttpMethod.Get, "secret/data/app") { Query = "version=2" };
        var response = new VaultResponse(HttpStatusCode.TemporaryRedirect, Encoding.UTF8.GetBytes("""{"errors":[]}"""))
        {
            Location = new Uri("https://active.vault:8200/v1/secret/data/app"),
        };

        var exception = VaultErrors.ToException(request, response);

        exception.Kind.ShouldBe(VaultErrorKind.Standby);
        exception.StatusCode.ShouldBe(HttpStatusCode.TemporaryRedirect);
        exception.Method.ShouldBe("GET");
        exception.Path.ShouldBe("secret/data/app?version=2");
        exception.RedirectLocation.ShouldBe(new Uri("https://active.vault:8200/v1/secret/data/app"));
        exception.Message.ShouldBe(
            "Vault node is a standby: Vault answered GET secret/data/app?version=2 with 307: the active node is https://active.vault:8200. "
            + "Requests must reach the active node.");
    }

    [Theory]
    [InlineData(503, """{"errors":["Vault is sealed"]}""", "Vault is sealed: Vault answered GET secret/data/app with 503. It serves nothing until it is unsealed. Vault said: Vault is sealed")]
    [InlineData(403, """{"errors":["permission denied"]}""", "Permission denied: Vault answered GET secret/data/app with 403. The token is invalid or expired, or its policies do not allow this on that path. Vault said: permission denied")]
    [InlineData(404, """{"errors":[]}""", "Not found: Vault answered GET secret/data/app with 404. Nothing is there, or the token may not see it.")]
    [InlineData(503, """{"errors":["Vault is in standby mode"]}""", "Vault node is a standby: Vault answered GET secret/data/app with 503. Requests must reach the active node. Vault said: Vault is in standby mode")]
    public void The_message_opens_with_the_case_and_names_the_path(int status, string body, string message)
    {
        var request = new VaultRequest(HttpMethod.Get, "secret/data/app");

        var exception = VaultErrors.ToException(request, new VaultResponse((HttpStatusCode)status, Encoding.UTF8.GetBytes(body)));

        exception.Message.ShouldBe(message);
    }

    [Fact]
    public void A_credential_vault_quoted_in_an_error_is_redacted_from_errors_and_message()
    {
        var request = new VaultRequest(HttpMethod.Post, "auth/approle/login") { Sensitive = ["s3cr3t-id"] };
        var body = Encoding.UTF8.GetBytes("""{"errors":["invalid secret id s3cr3t-id"]}""");

        var exception = VaultErrors.ToException(request, new VaultResponse(HttpStatusCode.BadRequest, body));

        exception.Errors.ShouldBe(["invalid secret id [redacted]"]);
        exception.Message.ShouldNotContain("s3cr3t-id");
    }

    [Fact]
    public void A_request_prints_neither_its_body_nor_its_token()
    {
        var request = new VaultRequest(HttpMethod.Post, "sys/wrapping/unwrap")
        {
            Body = Encoding.UTF8.GetBytes("BODY"),
            Token = RequestToken.Explicit("hvs.wrapping-token"),
            Sensitive = ["hvs.wrapping-token"],
        };

        request.ToString().ShouldBe("VaultRequest { POST sys/wrapping/unwrap, Token = Explicit, Safety = Idempotent }");
    }

    [Fact]
    public void Every_exception_is_a_vault_exception()
    {
        typeof(VaultApiException).IsSubclassOf(typeof(VaultException)).ShouldBeTrue();
        typeof(VaultUnreachableException).IsSubclassOf(typeof(VaultException)).ShouldBeTrue();
    }
}
