using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Audit;

public sealed class AuditDeviceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("devvault-audit-").FullName;

    private string AuditFile => Path.Combine(_directory, "audit.log");

    [Fact]
    public async Task Each_routed_request_writes_a_request_and_a_response_entry_shaped_as_vaults_file_device()
    {
        await using var vault = await StartAsync();

        var read = await vault.GetAsync("/v1/secret/data/myapp/stripe");

        var entries = Entries();
        entries.Select(e => e["type"]!.GetValue<string>()).ShouldBe(["request", "response"]);
        var (request, response) = (entries[0], entries[1]);
        request["time"]!.GetValue<string>().ShouldBe("2025-03-01T12:00:00Z");
        request["auth"]!["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["root"]);
        request["auth"]!["accessor"]!.GetValue<string>().ShouldMatch("^hmac-sha256:[0-9a-f]{64}$");
        request["request"]!["path"]!.GetValue<string>().ShouldBe("secret/data/myapp/stripe");
        request["request"]!["operation"]!.GetValue<string>().ShouldBe("read");
        request["request"]!["mount_type"]!.GetValue<string>().ShouldBe("kv");
        request["request"]!["remote_address"]!.GetValue<string>().ShouldBe("127.0.0.1");
        request["request"]!["id"]!.GetValue<string>().ShouldBe(read.Json["request_id"]!.GetValue<string>());
        response["request"]!["id"]!.GetValue<string>().ShouldBe(request["request"]!["id"]!.GetValue<string>());
        response["response"]!["status_code"]!.GetValue<int>().ShouldBe(200);
        response["response"]!["data"]!["data"]!["api_key"]!.GetValue<string>().ShouldBe(vault.Server.AuditHash("sk_test_123"));
        response["response"]!["data"]!["metadata"]!["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task No_secret_value_token_or_password_reaches_the_audit_file()
    {
        await using var vault = await StartAsync();
        await vault.PutAsync("/v1/kv/new/thing", new JsonObject { ["password"] = "kv-value-never-logged" });
        await vault.GetAsync("/v1/kv/new/thing");
        await vault.PostAsync("/v1/auth/userpass/users/bob", new JsonObject { ["password"] = "bob-password-never-logged", ["token_policies"] = "app" });
        var login = await vault.PostAsync("/v1/auth/userpass/login/bob", new JsonObject { ["password"] = "bob-password-never-logged" }, token: null);
        var token = login.Json["auth"]!["client_token"]!.GetValue<string>();
        var accessor = login.Json["auth"]!["accessor"]!.GetValue<string>();
        var creds = await vault.GetAsync("/v1/database/creds/app", token);
        await vault.PostAsync("/v1/auth/approle/role/ci", new JsonObject { ["token_policies"] = "app" });
        var wrapped = await vault.SendAsync(HttpMethod.Post, "/v1/auth/approle/role/ci/secret-id", null, "", "60s");
        var wrappingToken = wrapped.Json["wrap_info"]!["token"]!.GetValue<string>();
        var unwrapped = await vault.PostAsync("/v1/sys/wrapping/unwrap", token: wrappingToken);
        await vault.PostAsync("/v1/auth/token/revoke-self", token: token);

        var text = File.ReadAllText(AuditFile);

        string[] secrets =
        [
            "kv-value-never-logged", "bob-password-never-logged", token, accessor, vault.Root, wrappingToken,
            creds.Data["password"]!.GetValue<string>(), creds.Data["username"]!.GetValue<string>(),
            unwrapped.Data["secret_id"]!.GetValue<string>(), unwrapped.Data["secret_id_accessor"]!.GetValue<string>(),
        ];
        foreach (var secret in secrets)
        {
            text.ShouldNotContain(secret);
        }

        text.ShouldContain(vault.Server.AuditHash("bob-password-never-logged")!);
        text.ShouldContain(vault.Server.AuditHash(token)!);
        Entries().Count.ShouldBe(18);
    }

    [Fact]
    public async Task Denied_and_failed_requests_are_audited_with_their_error_and_status()
    {
        await using var vault = await StartAsync();
        var token = await vault.TokenWithPoliciesAsync("app");

        var denied = await vault.GetAsync("/v1/kv/legacy/thing", token);
        var missing = await vault.GetAsync("/v1/database/creds/nope");

        denied.Status.ShouldBe(HttpStatusCode.Forbidden);
        missing.Status.ShouldBe(HttpStatusCode.BadRequest);
        var responses = Entries().Where(e => e["type"]!.GetValue<string>() == "response").ToList();
        responses[^2]["error"]!.GetValue<string>().ShouldContain("permission denied");
        responses[^2]["response"]!["status_code"]!.GetValue<int>().ShouldBe(403);
        responses[^2]["auth"]!["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["app", "default"]);
        responses[^1]["error"]!.GetValue<string>().ShouldBe("unknown role: nope");
        responses[^1]["response"]!["status_code"]!.GetValue<int>().ShouldBe(400);
    }

    [Fact]
    public async Task Writes_to_new_targets_are_audited_as_create_and_health_and_seal_status_are_not_audited()
    {
        await using var vault = await StartAsync();

        await vault.GetAsync("/v1/sys/health", token: null);
        await vault.GetAsync("/v1/sys/seal-status", token: null);
        await vault.PutAsync("/v1/kv/fresh", new JsonObject { ["a"] = "b" });
        await vault.PutAsync("/v1/kv/fresh", new JsonObject { ["a"] = "c" });

        var requests = Entries().Where(e => e["type"]!.GetValue<string>() == "request").ToList();
        requests.Select(e => e["request"]!["operation"]!.GetValue<string>()).ShouldBe(["create", "update"]);
    }

    [Fact]
    public async Task The_audit_file_is_created_owner_only_and_appended_to_across_restarts()
    {
        await using (var first = await StartAsync())
        {
            await first.GetAsync("/v1/kv/legacy/thing");
        }

        await using (var second = await StartAsync())
        {
            await second.GetAsync("/v1/kv/legacy/thing");
        }

        Entries().Count.ShouldBe(4);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(AuditFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<DevVaultHarness> StartAsync() => DevVaultHarness.StartAsync(Seeds.Standard, o => o with { AuditFile = AuditFile });

    private List<JsonNode> Entries() => [.. File.ReadAllLines(AuditFile).Select(line => JsonNode.Parse(line)!)];
}
