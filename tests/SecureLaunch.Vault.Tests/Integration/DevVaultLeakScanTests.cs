using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Tests.Fakes;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Integration;

/// <summary>The leak scan over real HTTP: a session against the dev Vault, every log line and exception text scanned.</summary>
public sealed class DevVaultLeakScanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_with_every_method_and_its_failures_leaks_no_credential_token_or_value()
    {
        await using var vault = await AuthDevVault.StartAsync(Ct);
        var logger = new RecordingLogger();
        using var client = AuthDevVault.ClientFor(vault, logger: logger);
        var texts = new List<string>();
        var jwt = AuthDevVault.MintJwt();
        var wrapped = await WrapAsync(vault);
        var secrets = new List<string>
        {
            AuthDevVault.SecretId, AuthDevVault.Password, AuthDevVault.ApiKey, jwt, AuthDevVault.ServiceAccountJwt, wrapped, vault.RootToken,
        };

        async Task Capture(Func<Task> call) => texts.Add((await Should.ThrowAsync<VaultException>(call)).ToString());

        foreach (VaultAuthMethod method in new VaultAuthMethod[]
        {
            new TokenAuth { Token = vault.RootToken },
            new AppRoleAuth { RoleId = AuthDevVault.RoleId, SecretId = AuthDevVault.SecretId },
            new AppRoleAuth { RoleId = AuthDevVault.RoleId, WrappedSecretId = wrapped },
            new UserpassAuth { Username = "ci", Password = AuthDevVault.Password },
            new JwtAuth { Jwt = jwt },
            new KubernetesAuth { Role = "web", Jwt = AuthDevVault.ServiceAccountJwt },
        })
        {
            var login = await client.LoginAsync(method, Ct);
            secrets.Add(login.ClientToken);
            texts.Add(login.ToString());
            texts.Add(method.ToString());
            var secret = await client.ReadSecretAsync(new SecretRequest { Path = "secret/app" }, Ct);
            texts.Add(secret.ToString());
            var refused = method is TokenAuth ? "secret/missing" : "secret/other";
            await Capture(() => client.ReadSecretAsync(new SecretRequest { Path = refused }, Ct));
        }

        await Capture(() => client.LoginAsync(new AppRoleAuth { RoleId = AuthDevVault.RoleId, WrappedSecretId = wrapped }, Ct));
        await Capture(() => client.LoginAsync(new AppRoleAuth { RoleId = AuthDevVault.RoleId, SecretId = AuthDevVault.SecretId + "x" }, Ct));
        await Capture(() => client.LoginAsync(new UserpassAuth { Username = "ci", Password = AuthDevVault.Password + "x" }, Ct));
        await Capture(() => client.LoginAsync(new JwtAuth { Jwt = jwt + "x" }, Ct));
        await Capture(() => client.LoginAsync(new KubernetesAuth { Role = "web", Jwt = AuthDevVault.ServiceAccountJwt + "x" }, Ct));
        await Capture(() => client.LoginAsync(new TokenAuth { Token = vault.RootToken + "x" }, Ct));
        await client.RevokeSelfAsync(Ct);
        await Capture(() => client.RenewSelfAsync(null, Ct));
        texts.AddRange(logger.Lines);

        logger.Lines.ShouldContain(l => l.Contains("Logged in with userpass"));
        foreach (var text in texts)
        {
            foreach (var secret in secrets)
            {
                text.ShouldNotContain(secret, Case.Sensitive, $"a credential leaked into: {text}");
            }
        }
    }

    private static async Task<string> WrapAsync(SecureLaunch.DevVault.DevVaultServer vault)
    {
        using var http = new HttpClient { BaseAddress = vault.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/auth/approle/role/app/secret-id") { Content = new StringContent("{}") };
        request.Headers.Add("X-Vault-Token", vault.RootToken);
        request.Headers.Add("X-Vault-Wrap-TTL", "60");
        using var response = await http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return body.RootElement.GetProperty("wrap_info").GetProperty("token").GetString()!;
    }
}
