namespace SecureLaunch.Conformance.Tests.Auth;

public sealed class AppRoleTests
{
    [Fact]
    public async Task A_response_wrapped_secret_id_unwraps_once_and_logs_in_with_the_role_id()
    {
        await using var vault = await VaultTarget.StartAsync();
        var role = Names.Unique("approle");
        (await vault.PostAsync($"auth/approle/role/{role}", new JsonObject { ["token_policies"] = "hello", ["token_ttl"] = "20m" })).Status.ShouldBe(HttpStatusCode.NoContent);
        var roleId = (await vault.GetAsync($"auth/approle/role/{role}/role-id")).Text("data.role_id");

        var wrapped = await vault.SendAsync(HttpMethod.Post, $"auth/approle/role/{role}/secret-id", null, "", new Dictionary<string, string> { ["X-Vault-Wrap-TTL"] = "120s" });
        var wrappingToken = wrapped.Text("wrap_info.token");
        var lookup = await vault.PostAsync("sys/wrapping/lookup", new JsonObject { ["token"] = wrappingToken }, token: null);
        var unwrapped = await vault.PostAsync("sys/wrapping/unwrap", token: wrappingToken);
        var again = await vault.PostAsync("sys/wrapping/unwrap", token: wrappingToken);
        var login = await vault.PostAsync("auth/approle/login", new JsonObject { ["role_id"] = roleId, ["secret_id"] = unwrapped.Text("data.secret_id") }, token: null);

        wrapped.Status.ShouldBe(HttpStatusCode.OK);
        wrapped.Json["data"].ShouldBeNull();
        wrapped.Json["auth"].ShouldBeNull();
        wrapped.Number("wrap_info.ttl").ShouldBe(120);
        wrapped.Text("wrap_info.creation_path").ShouldBe($"auth/approle/role/{role}/secret-id");
        wrapped.Text("wrap_info.accessor").ShouldNotBeEmpty();
        lookup.Text("data.creation_path").ShouldBe($"auth/approle/role/{role}/secret-id");
        lookup.Number("data.creation_ttl").ShouldBe(120);
        unwrapped.Text("data.secret_id").ShouldNotBeEmpty();
        unwrapped.Text("data.secret_id_accessor").ShouldNotBeEmpty();
        again.Status.ShouldBe(HttpStatusCode.BadRequest);
        again.Errors.ShouldBe(["wrapping token is not valid or does not exist"]);
        login.Status.ShouldBe(HttpStatusCode.OK);
        login.Strings("auth.token_policies").ShouldBe(["default", "hello"]);
        login.Text("auth.metadata.role_name").ShouldBe(role);
        login.Number("auth.lease_duration").ShouldBe(1200);
        login.Text("mount_type").ShouldBe("approle");
    }

    [Fact]
    public async Task A_wrong_secret_id_is_refused()
    {
        await using var vault = await VaultTarget.StartAsync();
        var role = Names.Unique("approle");
        await vault.PostAsync($"auth/approle/role/{role}", new JsonObject { ["token_policies"] = "hello" });
        var roleId = (await vault.GetAsync($"auth/approle/role/{role}/role-id")).Text("data.role_id");

        var login = await vault.PostAsync("auth/approle/login", new JsonObject { ["role_id"] = roleId, ["secret_id"] = "not-the-secret" }, token: null);

        login.Status.ShouldBe(HttpStatusCode.BadRequest);
        login.Errors.ShouldBe(["invalid role or secret ID"]);
    }
}
