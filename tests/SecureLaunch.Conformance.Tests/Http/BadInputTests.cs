using System.Text;

namespace SecureLaunch.Conformance.Tests.Http;

/// <summary>Bad requests get Vault's status codes and <c>{"errors":[...]}</c>, and the server keeps answering.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task Malformed_json_is_400_error_parsing_json()
    {
        await using var vault = await VaultTarget.StartAsync();

        var call = await vault.PostAsync($"kv/{Names.Unique("bad")}", "{\"password\": ");

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe(["error parsing JSON"]);
        (await vault.GetAsync("sys/health", token: null)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_method_vault_does_not_know_is_405_and_an_operation_a_path_lacks_is_405()
    {
        await using var vault = await VaultTarget.StartAsync();

        var method = await vault.SendAsync(new HttpMethod("COPY"), "kv/legacy/thing", null);
        var operation = await vault.DeleteAsync("database/creds/app");

        method.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        method.Json["errors"].ShouldBeOfType<JsonArray>();
        operation.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        operation.Errors.Single().ShouldContain("unsupported operation");
    }

    [Fact]
    public async Task An_unknown_mount_is_404_no_handler_for_route_and_an_unknown_path_in_a_mount_is_404()
    {
        await using var vault = await VaultTarget.StartAsync();
        var mount = Names.Unique("nomount");

        var route = await vault.GetAsync($"{mount}/x");
        var inMount = await vault.GetAsync("database/nothing-here");

        route.Status.ShouldBe(HttpStatusCode.NotFound);
        route.Errors.ShouldBe([$"no handler for route \"{mount}/x\". route entry not found."]);
        inMount.Status.ShouldBe(HttpStatusCode.NotFound);
        inMount.Errors.Single().ShouldContain("unsupported path");
    }

    [Fact]
    public async Task A_body_over_32_mib_is_413()
    {
        await using var vault = await VaultTarget.StartAsync();
        var body = new StringBuilder("{\"blob\":\"").Append('a', (32 * 1024 * 1024) + 16).Append("\"}").ToString();

        var call = await vault.SendAsync(HttpMethod.Post, $"kv/{Names.Unique("huge")}", body, "", expectContinue: true);

        call.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        call.Errors.ShouldBe(["error parsing JSON"]);
        (await vault.GetAsync("sys/health", token: null)).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_missing_or_unknown_token_is_403_permission_denied()
    {
        await using var vault = await VaultTarget.StartAsync();

        var none = await vault.GetAsync("kv/legacy/thing", token: null);
        var unknown = await vault.GetAsync("kv/legacy/thing", "hvs.notarealtokenatall0000");

        none.Status.ShouldBe(HttpStatusCode.Forbidden);
        none.Errors.ShouldBe(["permission denied"]);
        unknown.Status.ShouldBe(HttpStatusCode.Forbidden);
        unknown.Errors.ShouldBe(["permission denied"]);
    }
}
