namespace SecureLaunch.Conformance.Tests.Auth;

public sealed class UserpassTests
{
    [Fact]
    public async Task A_user_logs_in_with_its_password_and_gets_its_policies_and_ttl()
    {
        await using var vault = await VaultTarget.StartAsync();
        var user = Names.Unique("user");
        (await vault.PostAsync($"auth/userpass/users/{user}", new JsonObject { ["password"] = "conformance-pw", ["token_policies"] = "hello", ["token_ttl"] = "10m" })).Status.ShouldBe(HttpStatusCode.NoContent);

        var login = await vault.PostAsync($"auth/userpass/login/{user}", new JsonObject { ["password"] = "conformance-pw" }, token: null);
        var wrong = await vault.PostAsync($"auth/userpass/login/{user}", new JsonObject { ["password"] = "nope" }, token: null);

        login.Status.ShouldBe(HttpStatusCode.OK);
        login.Strings("auth.token_policies").ShouldBe(["default", "hello"]);
        login.Text("auth.metadata.username").ShouldBe(user);
        login.Number("auth.lease_duration").ShouldBe(600);
        login.Text("mount_type").ShouldBe("userpass");
        (await vault.GetAsync("auth/token/lookup-self", login.Text("auth.client_token"))).Text("data.display_name").ShouldBe("userpass-" + user);
        wrong.Status.ShouldBe(HttpStatusCode.BadRequest);
        wrong.Errors.ShouldBe(["invalid username or password"]);
    }
}
