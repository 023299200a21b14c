using System.Net;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Http;

public sealed class RoutingTests
{
    [Fact]
    public async Task A_path_under_no_mount_is_404_no_handler_for_route()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/nowhere/x");

        call.Status.ShouldBe(HttpStatusCode.NotFound);
        call.Errors.ShouldBe(["no handler for route \"nowhere/x\". route entry not found."]);
    }

    [Fact]
    public async Task A_path_under_no_mount_without_a_token_is_403_first()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        (await vault.GetAsync("/v1/nowhere/x", token: null)).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_path_outside_v1_is_404_with_empty_errors()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v2/sys/health");

        call.Status.ShouldBe(HttpStatusCode.NotFound);
        call.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_path_inside_a_mount_is_404_unsupported_path()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/database/nothing");

        call.Status.ShouldBe(HttpStatusCode.NotFound);
        call.Errors.ShouldBe(["1 error occurred:\n\t* unsupported path\n\n"]);
    }

    [Fact]
    public async Task A_method_Vault_does_not_know_is_405()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.SendAsync(HttpMethod.Options, "/v1/secret/data/x", null);

        call.Status.ShouldBe(HttpStatusCode.MethodNotAllowed);
        call.Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_GET_with_a_malformed_list_flag_is_400()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        (await vault.GetAsync("/v1/secret/metadata/?list=maybe")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_400_error_parsing_json_and_the_seal_endpoints_keep_the_parsers_message()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var logical = await vault.PostAsync("/v1/secret/data/x", "{not json");
        var unseal = await vault.PutAsync("/v1/sys/unseal", "{not json", token: null);

        logical.Status.ShouldBe(HttpStatusCode.BadRequest);
        logical.Errors.ShouldBe(["error parsing JSON"]);
        unseal.Status.ShouldBe(HttpStatusCode.BadRequest);
        unseal.Errors.Single().ShouldStartWith("failed to parse JSON input: ");
    }

    [Fact]
    public async Task Responses_are_not_cacheable()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var call = await vault.GetAsync("/v1/sys/mounts");

        call.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Every_envelope_carries_a_fresh_uuid_request_id()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        var first = (await vault.GetAsync("/v1/sys/mounts")).Json["request_id"]!.GetValue<string>();
        var second = (await vault.GetAsync("/v1/sys/mounts")).Json["request_id"]!.GetValue<string>();

        Guid.TryParse(first, out _).ShouldBeTrue();
        second.ShouldNotBe(first);
    }
}
