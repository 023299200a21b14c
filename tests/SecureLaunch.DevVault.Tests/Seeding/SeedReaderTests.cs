using Shouldly;

namespace SecureLaunch.DevVault.Tests.Seeding;

public sealed class SeedReaderTests
{
    [Fact]
    public void Seed_reads_the_dev_section_and_ignores_other_top_level_keys()
    {
        const string yaml = """
            version: 1
            name: hello
            secrets:
              stripe: { path: secret/myapp/stripe }
            dev:
              rootToken: optional-fixed-token
              kv:
                secret/myapp/stripe: { api_key: sk_test_123 }
                kv/legacy/thing: { password: hunter22, port: 5432 }
              database:
                roles:
                  app: { ttl: 30s, maxTtl: 2m }
                  slow: { ttl: 1h30m, maxTtl: "7200" }
            """;

        var seed = DevVaultSeed.FromYaml(yaml, "spec.yaml");

        seed.RootToken.ShouldBe("optional-fixed-token");
        seed.Kv["secret/myapp/stripe"]["api_key"].ShouldBe("sk_test_123");
        seed.Kv["kv/legacy/thing"]["port"].ShouldBe("5432");
        seed.DatabaseRoles["app"].ShouldBe(new DevDatabaseRole(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)));
        seed.DatabaseRoles["slow"].ShouldBe(new DevDatabaseRole(TimeSpan.FromMinutes(90), TimeSpan.FromHours(2)));
    }

    [Theory]
    [InlineData("version: 1\nname: x\n")]
    [InlineData("")]
    [InlineData("dev:\n")]
    public void Seed_without_a_dev_section_is_empty(string yaml)
    {
        var seed = DevVaultSeed.FromYaml(yaml, "spec.yaml");

        seed.Kv.ShouldBeEmpty();
        seed.DatabaseRoles.ShouldBeEmpty();
        seed.RootToken.ShouldBeNull();
    }

    [Fact]
    public void Seed_with_a_bad_duration_names_file_line_and_column()
    {
        const string yaml = "name: x\ndev:\n  database:\n    roles:\n      app: { ttl: soon, maxTtl: 2m }\n";

        var error = Should.Throw<DevVaultSeedException>(() => DevVaultSeed.FromYaml(yaml, "spec.yaml"));

        error.Message.ShouldStartWith("spec.yaml:5:19: ");
        error.Message.ShouldContain("dev.database.roles.app.ttl");
        error.Line.ShouldBe(5);
        error.Column.ShouldBe(19);
    }

    [Theory]
    [InlineData("dev:\n  kv:\n    other/x: { a: b }\n", 3, 5, "must start with 'secret/'")]
    [InlineData("dev:\n  kv:\n    secret/x: just-a-string\n", 3, 15, "must be a mapping")]
    [InlineData("dev:\n  kv:\n    secret/x: { a: [1, 2] }\n", 3, 20, "must be a string value")]
    [InlineData("dev:\n  root_token: x\n", 2, 3, "unknown key 'dev.root_token'")]
    [InlineData("dev:\n  database:\n    roles:\n      app: { ttl: 5m, maxTtl: 1m }\n", 4, 19, "cannot be greater than maxTtl")]
    [InlineData("dev: [1, 2]\n", 1, 6, "'dev' must be a mapping")]
    public void Seed_shape_errors_are_located(string yaml, int line, int column, string what)
    {
        var error = Should.Throw<DevVaultSeedException>(() => DevVaultSeed.FromYaml(yaml, "s.yaml"));

        error.Message.ShouldStartWith($"s.yaml:{line}:{column}: ");
        error.Message.ShouldContain(what);
    }

    [Fact]
    public void Seed_with_broken_yaml_reports_the_parser_location()
    {
        var error = Should.Throw<DevVaultSeedException>(() => DevVaultSeed.FromYaml("dev:\n  kv: { a: b\n", "bad.yaml"));

        error.Message.ShouldStartWith("bad.yaml:");
        error.Line.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Seed_from_a_file_uses_the_path_as_source_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "dev:\n  kv:\n    nope: { a: b }\n");
        try
        {
            Should.Throw<DevVaultSeedException>(() => DevVaultSeed.FromYamlFile(path)).Message.ShouldStartWith(path + ":3:5: ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_seed_read_from_yaml_serves_its_secrets()
    {
        var seed = DevVaultSeed.FromYaml("dev:\n  kv:\n    secret/a/b: { k: v }\n  database:\n    roles:\n      app: { ttl: 30s, maxTtl: 2m }\n", "s.yaml");
        await using var vault = await DevVaultHarness.StartAsync(seed);

        (await vault.GetAsync("/v1/secret/data/a/b")).Data["data"]!["k"]!.GetValue<string>().ShouldBe("v");
        (await vault.GetAsync("/v1/database/creds/app")).Json["lease_duration"]!.GetValue<long>().ShouldBe(30);
    }
}
