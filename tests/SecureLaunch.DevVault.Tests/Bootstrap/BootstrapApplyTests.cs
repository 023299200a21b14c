using System.Net;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Bootstrap;

public sealed class BootstrapApplyTests
{
    [Fact]
    public async Task The_examples_bootstrap_sets_up_what_the_examples_read()
    {
        await using var vault = await DevVaultHarness.StartAsync(configure: o => o with { Bootstrap = DevVaultBootstrap.FromFile(RepositoryFiles.ExamplesBootstrap) });

        await ExamplesSetUpAsync(vault);
    }

    [Fact]
    public async Task Every_secret_path_an_example_reads_is_there_after_the_bootstrap_so_every_example_runs_against_a_real_vault_too()
    {
        await using var vault = await DevVaultHarness.StartAsync(configure: o => o with { Bootstrap = DevVaultBootstrap.FromFile(RepositoryFiles.ExamplesBootstrap) });
        var paths = Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "examples"), "securelaunch.yaml", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\bpath: ([A-Za-z0-9_/.-]+)").Select(m => (File: f, Path: m.Groups[1].Value)))
            .ToList();

        paths.ShouldNotBeEmpty();
        foreach (var (file, path) in paths)
        {
            var api = path.StartsWith("secret/", StringComparison.Ordinal) ? "secret/data/" + path["secret/".Length..] : path;
            (await vault.GetAsync("/v1/" + api)).Status.ShouldBe(HttpStatusCode.OK, $"{path} read by {file}");
        }
    }

    [Fact]
    public async Task The_hello_example_seeds_the_dev_vault_through_the_shared_bootstrap()
    {
        var seed = DevVaultSeed.FromYamlFile(Path.Combine(RepositoryFiles.Root, "examples", "hello", "securelaunch.yaml"));
        await using var vault = await DevVaultHarness.StartAsync(seed);

        seed.Bootstrap.ShouldNotBeNull().SourceName.ShouldBe(RepositoryFiles.ExamplesBootstrap);
        await ExamplesSetUpAsync(vault);
    }

    [Fact]
    public async Task A_failing_request_stops_the_start_naming_its_line_and_vaults_errors()
    {
        var bootstrap = DevVaultBootstrap.Parse("POST sys/mounts/kv {\"type\":\"kv\"}\nPOST database/roles/x {\"db_name\":\"pg\"}\n", "broken.txt");

        var error = await Should.ThrowAsync<DevVaultSeedException>(() => DevVaultHarness.StartAsync(configure: o => o with { Bootstrap = bootstrap }));

        error.Message.ShouldBe("broken.txt:2:1: POST database/roles/x answered 400: empty creation statements");
    }

    [Fact]
    public async Task A_bootstrap_is_refused_with_file_storage_where_bootstrap_sh_runs_after_unseal()
    {
        var directory = Directory.CreateTempSubdirectory("devvault-bootstrap-");
        try
        {
            var bootstrap = DevVaultBootstrap.Parse("POST kv/x {\"a\":\"b\"}", "b.txt");

            var error = await Should.ThrowAsync<ArgumentException>(() => DevVaultHarness.StartAsync(configure: o => o with { Bootstrap = bootstrap, Storage = "file:" + directory.FullName }));

            error.Message.ShouldContain("bootstrap.sh");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>What examples/ and the conformance suite rely on; the bootstrap-script test checks the same on a script-applied server.</summary>
    internal static async Task ExamplesSetUpAsync(DevVaultHarness vault)
    {
        var stripe = await vault.GetAsync("/v1/secret/data/myapp/stripe");
        stripe.Data["data"]!["api_key"]!.GetValue<string>().ShouldBe("sk_test_51HelloSecureLaunch");

        var creds = await vault.GetAsync("/v1/database/creds/app");
        creds.Json["lease_duration"]!.GetValue<long>().ShouldBe(30);
        (await vault.GetAsync("/v1/database/roles/app")).Data["max_ttl"]!.GetValue<long>().ShouldBe(120);
        (await vault.GetAsync("/v1/database/static-creds/app-static")).Data["username"]!.GetValue<string>().ShouldBe("app_static");

        var cert = await vault.PostAsync("/v1/pki/issue/web", new JsonObject { ["common_name"] = "api.internal" });
        cert.Status.ShouldBe(HttpStatusCode.OK);
        cert.Data["issuing_ca"]!.GetValue<string>().ShouldBe((await vault.GetAsync("/v1/pki/cert/ca")).Data["certificate"]!.GetValue<string>());

        var secretId = (await vault.PostAsync("/v1/auth/approle/role/hello/secret-id")).Data["secret_id"]!.GetValue<string>();
        var approle = await vault.PostAsync("/v1/auth/approle/login", new JsonObject { ["role_id"] = "hello-role-id", ["secret_id"] = secretId }, token: null);
        var token = approle.Json["auth"]!["client_token"]!.GetValue<string>();
        (await vault.GetAsync("/v1/database/creds/app", token)).Status.ShouldBe(HttpStatusCode.OK);
        (await vault.GetAsync("/v1/kv/legacy/thing", token)).Data["password"]!.GetValue<string>().ShouldBe("hunter22");

        var userpass = await vault.PostAsync("/v1/auth/userpass/login/hello", new JsonObject { ["password"] = "hello-password" }, token: null);
        userpass.Json["auth"]!["token_policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["default", "hello"]);
    }
}
