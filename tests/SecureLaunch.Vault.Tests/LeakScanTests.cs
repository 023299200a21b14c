using System.Text.Json;
using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests;

/// <summary>
/// A whole session with distinctive secret values (every login method, reads, renewals, unseal and init, and
/// failures, some of them quoting credentials back), then a scan of every log line, exception text and printed
/// result for any of those values.
/// </summary>
public sealed class LeakScanTests
{
    private const string InitialToken = "hvs.LEAK-initial-token-0001";
    private const string RoleId = "LEAK-role-id-7f3a";
    private const string SecretId = "LEAK-secret-id-42c1";
    private const string WrappingToken = "hvs.LEAK-wrapping-token-77";
    private const string UnwrappedSecretId = "LEAK-unwrapped-secret-id-9b";
    private const string Password = "LEAK-password-Zq8";
    private const string Jwt = "eyLEAKjwt.eyJzdWIiOiJjaSJ9.c2ln";
    private const string ServiceAccountJwt = "eyLEAKserviceaccount.eyJzYSI6MX0.c2ln";
    private const string ClientToken = "hvs.LEAK-client-token-from-login";
    private const string KvValue = "LEAK-kv-value-sk_live_123";
    private const string DbPassword = "LEAK-db-password-A1";
    private const string PrivateKey = "LEAK-private-key-PEM";
    private const string UnsealKey = "LEAK-unseal-key-3c";
    private const string RootToken = "hvs.LEAK-root-token";
    private const string InitKey = "LEAK-init-key-share";

    private static readonly string[] Secrets =
    [
        InitialToken, RoleId, SecretId, WrappingToken, UnwrappedSecretId, Password, Jwt, ServiceAccountJwt, ClientToken,
        KvValue, DbPassword, PrivateKey, UnsealKey, RootToken, InitKey,
    ];

    private readonly List<string> _texts = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_token_credential_or_secret_value_shows_in_any_log_line_exception_or_printed_result()
    {
        var logger = new RecordingLogger();
        using var vault = new TestClient(o => o with { Token = InitialToken, MaxAttempts = 2 }, logger);
        Script(vault.Handler);
        var client = vault.Client;

        // Logins, each method; the token method with the initial token.
        await Keep(client.LoginAsync(new TokenAuth { Token = InitialToken }, Ct));
        await Keep(client.LoginAsync(new AppRoleAuth { RoleId = RoleId, SecretId = SecretId }, Ct));
        await Keep(client.LoginAsync(new AppRoleAuth { RoleId = RoleId, WrappedSecretId = WrappingToken }, Ct));
        await Keep(client.LoginAsync(new UserpassAuth { Username = "ci", Password = Password }, Ct));
        await Keep(client.LoginAsync(new JwtAuth { Role = "ci", Jwt = Jwt }, Ct));
        await Keep(client.LoginAsync(new KubernetesAuth { Role = "app", Jwt = ServiceAccountJwt }, Ct));

        // Failures that quote the credential back, and a wrapping token used twice.
        await Capture(() => client.LoginAsync(new AppRoleAuth { RoleId = RoleId, SecretId = SecretId, Mount = "refusing-approle" }, Ct));
        await Capture(() => client.LoginAsync(new UserpassAuth { Username = "ci", Password = Password, Mount = "refusing" }, Ct));
        await Capture(() => client.LoginAsync(new JwtAuth { Jwt = Jwt, Mount = "refusing-jwt" }, Ct));
        await Capture(() => client.LoginAsync(new AppRoleAuth { RoleId = RoleId, WrappedSecretId = WrappingToken, Mount = "used" }, Ct));
        await Capture(() => client.LoginAsync(new TokenAuth { Token = "hvs.LEAK-bad\r\ntoken" }, Ct));
        await Capture(() => client.UnsealAsync(UnsealKey + "-bad", Ct));

        // Reads, renewals, the token lifecycle.
        var kv = await Keep(client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct));
        var db = await Keep(client.ReadSecretAsync(new SecretRequest { Path = "database/creds/app" }, Ct));
        var body = JsonDocument.Parse("""{"common_name":"web.internal"}""").RootElement;
        await Keep(client.ReadSecretAsync(new SecretRequest { Path = "pki/issue/web", Method = HttpMethod.Post, Body = body }, Ct));
        await Keep(client.RenewLeaseAsync(db.Lease!.LeaseId, TimeSpan.FromMinutes(5), Ct));
        await Keep(client.RenewSelfAsync(TimeSpan.FromHours(1), Ct));
        await Keep(client.LookupSelfAsync(Ct));
        await Keep(client.LookupAccessorAsync("acc-userpass", Ct));
        await Capture(() => client.ReadSecretAsync(new SecretRequest { Path = "secret/forbidden" }, Ct));
        await Capture(() => vault.RunAsync(c => c.ReadSecretAsync(new SecretRequest { Path = "database/creds/broken" }, Ct)));
        await Capture(() => vault.RunAsync(c => c.ReadSecretAsync(new SecretRequest { Path = "secret/down" }, Ct)));

        // Seal and init.
        await Keep(client.UnsealAsync(UnsealKey, Ct));
        await Keep(client.InitializeAsync(1, 1, Ct));
        await Keep(client.UnwrapAsync(WrappingToken + "-data", Ct));
        await client.RevokeSelfAsync(Ct);

        _texts.Add(new VaultClientOptions { Address = vault.Client.Address, Token = InitialToken }.ToString());
        _texts.Add(new AppRoleAuth { RoleId = RoleId, SecretId = SecretId, WrappedSecretId = WrappingToken }.ToString());
        _texts.Add(new UserpassAuth { Username = "ci", Password = Password }.ToString());
        _texts.Add(new JwtAuth { Jwt = Jwt }.ToString());
        _texts.Add(new KubernetesAuth { Role = "r", Jwt = ServiceAccountJwt }.ToString());
        _texts.Add(new TokenAuth { Token = InitialToken }.ToString());
        _texts.AddRange(logger.Lines);

        kv.Data["api_key"].GetString().ShouldBe(KvValue);
        logger.Lines.Count.ShouldBeGreaterThan(20);
        _texts.Count(t => t.Contains("Exception", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(9);
        foreach (var text in _texts)
        {
            foreach (var secret in Secrets)
            {
                text.ShouldNotContain(secret, Case.Sensitive, $"'{secret}' leaked into: {text}");
            }
        }
    }

    private static void Script(CannedHandler handler)
    {
        // Each login answers with a warning quoting the whole request body: the worst a server could do.
        static Func<HttpRequestMessage, CannedResponse> Login(string accessor) => request =>
        {
            var echoed = JsonSerializer.Serialize(request.Content!.ReadAsStringAsync().Result);
            return CannedResponse.Ok(
                $$$"""{"auth":{"client_token":"{{{ClientToken}}}","accessor":"{{{accessor}}}","policies":["default"],"lease_duration":600,"renewable":true},"warnings":[{{{echoed}}}]}""");
        };

        handler
            .On("GET", "/v1/auth/token/lookup-self", request => request.Headers.GetValues("X-Vault-Token").Single().Contains("LEAK", StringComparison.Ordinal)
                ? CannedResponse.Ok(Samples.LookupSelf.Replace("cf64a70f-3a12-3f6c-791d-6cef6d390eed", InitialToken, StringComparison.Ordinal))
                : CannedResponse.Error(403, "permission denied"))
            .On("POST", "/v1/auth/approle/login", Login("acc-approle"))
            .On("POST", "/v1/sys/wrapping/unwrap", request => request.Headers.GetValues("X-Vault-Token").Single() == WrappingToken
                ? CannedResponse.Ok($$$"""{"data":{"secret_id":"{{{UnwrappedSecretId}}}","secret_id_accessor":"acc-sid"}}""")
                : CannedResponse.Ok($$$"""{"data":{"wrapped":"{{{KvValue}}}"}}"""))
            .On("POST", "/v1/auth/used/login", Login("never"))
            .On("POST", "/v1/auth/userpass/login/ci", Login("acc-userpass"))
            .On("POST", "/v1/auth/jwt/login", Login("acc-jwt"))
            .On("POST", "/v1/auth/kubernetes/login", Login("acc-k8s"))
            .On("POST", "/v1/auth/refusing-approle/login", CannedResponse.Error(400, $"invalid role {RoleId} or secret id {SecretId}"))
            .On("POST", "/v1/auth/refusing-jwt/login", CannedResponse.Error(400, $"error validating token {Jwt}"))
            .On("POST", "/v1/auth/refusing/login/ci", CannedResponse.Error(400, $"invalid username or password {Password}"))
            .OnMount("secret/app", "secret/", "kv", "2")
            .On("GET", "/v1/secret/data/app", CannedResponse.Ok($$$"""{"data":{"data":{"api_key":"{{{KvValue}}}"},"metadata":{"version":1}},"warnings":["{{{KvValue}}}"]}"""))
            .OnMount("secret/forbidden", "secret/", "kv", "2")
            .On("GET", "/v1/secret/data/forbidden", CannedResponse.Error(403, "permission denied"))
            .OnMount("secret/down", "secret/", "kv", "2")
            .On("GET", "/v1/secret/data/down", CannedResponse.ConnectionReset())
            .OnMount("database/creds/app", "database/", "database", null)
            .On("GET", "/v1/database/creds/app", CannedResponse.Ok(
                $$$"""{"lease_id":"database/creds/app/LEAKLEASE","lease_duration":60,"renewable":true,"data":{"username":"u","password":"{{{DbPassword}}}"}}"""))
            .OnMount("database/creds/broken", "database/", "database", null)
            .On("GET", "/v1/database/creds/broken", CannedResponse.Error(502, "error creating user"))
            .On("POST", "/v1/pki/issue/web", CannedResponse.Ok($$$"""{"data":{"private_key":"{{{PrivateKey}}}"}}"""))
            .On("PUT", "/v1/sys/leases/renew", CannedResponse.Ok("""{"lease_id":"database/creds/app/LEAKLEASE","lease_duration":300,"renewable":true}"""))
            .On("POST", "/v1/auth/token/renew-self", CannedResponse.Ok($$$"""{"auth":{"client_token":"{{{ClientToken}}}","accessor":"acc","lease_duration":3600,"renewable":true}}"""))
            .On("POST", "/v1/auth/token/revoke-self", CannedResponse.NoContent())
            // Vault blanks lookup-accessor's id; a server that did not must still not get the token kept.
            .On("POST", "/v1/auth/token/lookup-accessor", CannedResponse.Ok(Samples.LookupAccessor.Replace("\"id\": \"\"", $"\"id\": \"{ClientToken}\"", StringComparison.Ordinal)))
            .On("POST", "/v1/sys/unseal", request => request.Content!.ReadAsStringAsync().Result.Contains("-bad", StringComparison.Ordinal)
                ? CannedResponse.Error(400, $"invalid key {UnsealKey}-bad")
                : CannedResponse.Ok(SysSamples.Unsealed))
            .On("POST", "/v1/sys/init", CannedResponse.Ok($$$"""{"keys":["{{{InitKey}}}"],"keys_base64":["{{{InitKey}}}"],"root_token":"{{{RootToken}}}"}"""));

        // The second use of the wrapping token on the "used" mount.
        var unwraps = 0;
        handler.On("POST", "/v1/sys/wrapping/unwrap", request =>
        {
            var token = request.Headers.GetValues("X-Vault-Token").Single();
            if (token != WrappingToken)
            {
                return CannedResponse.Ok($$$"""{"data":{"wrapped":"{{{KvValue}}}"}}""");
            }

            return Interlocked.Increment(ref unwraps) == 1
                ? CannedResponse.Ok($$$"""{"data":{"secret_id":"{{{UnwrappedSecretId}}}"}}""")
                : CannedResponse.Error(400, $"wrapping token {WrappingToken} is not valid or does not exist");
        });
    }

    private async Task<T> Keep<T>(Task<T> call)
    {
        var result = await call;
        _texts.Add(result!.ToString()!);
        return result;
    }

    private async Task Capture(Func<Task> call)
    {
        var error = await Should.ThrowAsync<Exception>(call);
        _texts.Add(error.ToString());
        _texts.Add(error.Message);
        if (error is VaultApiException api)
        {
            _texts.Add(string.Join("|", api.Errors));
        }
    }
}
