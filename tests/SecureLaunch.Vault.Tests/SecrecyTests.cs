using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests;

/// <summary>No token, body or secret value in a log line or an exception, whatever happens.</summary>
public sealed class SecrecyTests
{
    private const string Password = "132ae3ef-5a64-7499-351e-bfe59f3a2a21";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_token_with_a_line_break_is_refused_without_quoting_it()
    {
        var options = new VaultClientOptions { Address = new Uri("http://127.0.0.1:8200"), Token = "hvs.secret\r\nX-Evil: 1" };

        var error = Should.Throw<ArgumentException>(() => new VaultClient(options, new CannedHandler()));

        error.Message.ShouldNotContain("hvs.secret");
    }

    [Fact]
    public async Task Log_lines_of_a_whole_session_never_hold_the_token_a_body_or_a_value()
    {
        var logger = new RecordingLogger();
        var time = new FakeTimeProvider(TestClient.Start);
        var handler = new CannedHandler(time)
            .OnMount("database/creds/app", "database/", "database", null)
            .On("GET", "/v1/database/creds/app", CannedResponse.Error(500), CannedResponse.Ok(Samples.DatabaseCreds))
            .On("POST", "/v1/pki/issue/web", CannedResponse.Ok("""{"data":{"private_key":"KEYDATA"},"warnings":["something"]}"""))
            .On("PUT", "/v1/sys/leases/renew", CannedResponse.Ok(Samples.LeaseRenew))
            .On("PUT", "/v1/sys/leases/revoke", CannedResponse.NoContent());
        var options = new VaultClientOptions { Address = new Uri("http://127.0.0.1:8200"), Token = TestClient.Token, TimeProvider = time };
        using var client = new VaultClient(options, handler, logger);

        await Should.ThrowAsync<VaultApiException>(() => client.ReadSecretAsync(new SecretRequest { Path = "database/creds/app" }, Ct));
        var secret = await client.ReadSecretAsync(new SecretRequest { Path = "database/creds/app" }, Ct);
        var body = JsonDocument.Parse("""{"common_name":"BODYVALUE"}""").RootElement;
        await client.ReadSecretAsync(new SecretRequest { Path = "pki/issue/web", Method = HttpMethod.Post, Body = body }, Ct);
        await client.RenewLeaseAsync(secret.Lease!.LeaseId, null, Ct);
        await client.RevokeLeaseAsync(secret.Lease.LeaseId, Ct);

        logger.Lines.ShouldNotBeEmpty();
        logger.Lines.ShouldAllBe(l => !l.Contains(TestClient.Token) && !l.Contains(Password) && !l.Contains("KEYDATA") && !l.Contains("BODYVALUE"));
        logger.Lines.ShouldContain(l => l.Contains("database/creds/my-role/2f6a61…"));
        logger.Lines.ShouldNotContain(l => l.Contains("2f6a614c-4aa2"));
        secret.ToString().ShouldNotContain(Password);
    }
}
