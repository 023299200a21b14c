using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Auth.Jwt;

public sealed class JwtLoginTests : IDisposable
{
    private const string Issuer = "https://token.actions.githubusercontent.com";
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _rsa.Dispose();
        _ec.Dispose();
    }

    [Fact]
    public async Task An_RS256_token_from_the_bound_issuer_logs_in_with_the_roles_policies()
    {
        await using var vault = await ConfiguredAsync();

        var login = await LoginAsync(vault, JwtSigner.Sign(_rsa, "RS256", Claims()));

        login.Status.ShouldBe(HttpStatusCode.OK);
        var auth = login.Json["auth"]!;
        auth["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["ci", "default"]);
        auth["lease_duration"]!.GetValue<long>().ShouldBe(600);
        auth["metadata"]!["role"]!.GetValue<string>().ShouldBe("deploy");
        auth["metadata"]!["repository"]!.GetValue<string>().ShouldBe("acme/app");
        login.Json["mount_type"]!.GetValue<string>().ShouldBe("jwt");
        var lookup = await vault.GetAsync("/v1/auth/token/lookup-self", auth["client_token"]!.GetValue<string>());
        lookup.Data["display_name"]!.GetValue<string>().ShouldBe("jwt-repo:acme/app:ref:refs/heads/main");
    }

    [Fact]
    public async Task An_ES256_token_verifies_against_an_EC_public_key()
    {
        await using var vault = await ConfiguredAsync();

        (await LoginAsync(vault, JwtSigner.Sign(_ec, "ES256", Claims()))).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_key_is_refused()
    {
        await using var vault = await ConfiguredAsync();
        using var stranger = RSA.Create(2048);

        var login = await LoginAsync(vault, JwtSigner.Sign(stranger, "RS256", Claims()));

        login.Status.ShouldBe(HttpStatusCode.BadRequest);
        login.Errors.ShouldBe(["error validating token: error verifying token signature: no known key successfully validated the token signature"]);
    }

    [Fact]
    public async Task A_tampered_payload_breaks_the_signature()
    {
        await using var vault = await ConfiguredAsync();
        var parts = JwtSigner.Sign(_rsa, "RS256", Claims()).Split('.');
        var forged = parts[0] + "." + JwtSigner.Sign(_rsa, "RS256", Claims(sub: "repo:evil/app:ref:refs/heads/main")).Split('.')[1] + "." + parts[2];

        (await LoginAsync(vault, forged)).Errors.Single().ShouldEndWith("no known key successfully validated the token signature");
    }

    [Theory]
    [InlineData(-3000, -200, "error validating token: invalid expiration time (exp) claim: token is expired")]
    [InlineData(-3000, -30, null)]
    [InlineData(200, 3000, "error validating token: invalid not before (nbf) claim: token not yet valid")]
    [InlineData(30, 3000, null)]
    public async Task Times_are_checked_on_the_servers_clock_with_a_minute_of_skew(int nbfSeconds, int expSeconds, string? error)
    {
        await using var vault = await ConfiguredAsync();
        var claims = Claims();
        claims["nbf"] = Now.AddSeconds(nbfSeconds).ToUnixTimeSeconds();
        claims["iat"] = Now.AddSeconds(nbfSeconds).ToUnixTimeSeconds();
        claims["exp"] = Now.AddSeconds(expSeconds).ToUnixTimeSeconds();

        var login = await LoginAsync(vault, JwtSigner.Sign(_rsa, "RS256", claims));

        if (error is null)
        {
            login.Status.ShouldBe(HttpStatusCode.OK);
        }
        else
        {
            login.Errors.ShouldBe([error]);
        }
    }

    [Fact]
    public async Task A_token_expires_when_the_fake_clock_moves_past_exp_and_skew()
    {
        await using var vault = await ConfiguredAsync();
        var token = JwtSigner.Sign(_rsa, "RS256", Claims());

        vault.Clock.Advance(TimeSpan.FromMinutes(6) + TimeSpan.FromSeconds(1));

        (await LoginAsync(vault, token)).Errors.ShouldBe(["error validating token: invalid expiration time (exp) claim: token is expired"]);
    }

    [Theory]
    [InlineData("iss", "https://evil.example", "error validating token: invalid issuer (iss) claim")]
    [InlineData("aud", "other", "error validating token: invalid audience (aud) claim: audience claim does not match any expected audience")]
    [InlineData("repository_owner", "evil", "error validating claims: claim \"repository_owner\" does not match any associated bound claim values")]
    public async Task A_claim_that_does_not_match_the_config_or_role_is_refused(string claim, string value, string error)
    {
        await using var vault = await ConfiguredAsync();
        var claims = Claims();
        claims[claim] = value;

        (await LoginAsync(vault, JwtSigner.Sign(_rsa, "RS256", claims))).Errors.ShouldBe([error]);
    }

    [Fact]
    public async Task A_missing_bound_claim_and_a_missing_user_claim_are_reported()
    {
        await using var vault = await ConfiguredAsync();
        var noOwner = Claims();
        noOwner.Remove("repository_owner");
        var noSubject = Claims();
        noSubject.Remove("sub");

        (await LoginAsync(vault, JwtSigner.Sign(_rsa, "RS256", noOwner))).Errors.ShouldBe(["error validating claims: claim \"repository_owner\" is missing"]);
        (await LoginAsync(vault, JwtSigner.Sign(_rsa, "RS256", noSubject))).Errors.ShouldBe(["claim \"sub\" not found in token"]);
    }

    [Fact]
    public async Task An_algorithm_outside_the_configured_set_is_refused()
    {
        await using var vault = await ConfiguredAsync(new JsonObject { ["jwt_supported_algs"] = new JsonArray("ES256") });

        var login = await LoginAsync(vault, JwtSigner.Sign(_rsa, "RS256", Claims()));

        login.Errors.ShouldBe(["error validating token: invalid algorithm (alg) header parameter: token signed with unexpected algorithm"]);
    }

    [Theory]
    [InlineData("{\"jwt\": \"x.y.z\"}", "missing role")]
    [InlineData("{\"role\": \"nope\", \"jwt\": \"x\"}", "role \"nope\" could not be found")]
    [InlineData("{\"role\": \"deploy\"}", "missing token")]
    [InlineData("{\"role\": \"deploy\", \"jwt\": \"not-a-jwt\"}", "error validating token: error verifying token signature: go-jose/go-jose: compact JWS format must have three parts")]
    public async Task Malformed_logins_are_400(string body, string error)
    {
        await using var vault = await ConfiguredAsync();

        var call = await vault.PostAsync("/v1/auth/jwt/login", body, token: null);

        call.Status.ShouldBe(HttpStatusCode.BadRequest);
        call.Errors.ShouldBe([error]);
    }

    [Fact]
    public async Task Login_without_config_is_400_could_not_load_configuration()
    {
        await using var vault = await DevVaultHarness.StartAsync();

        (await vault.PostAsync("/v1/auth/jwt/login", new JsonObject { ["role"] = "x", ["jwt"] = "a.b.c" }, token: null)).Errors.ShouldBe(["could not load configuration"]);
    }

    [Fact]
    public async Task A_glob_bound_claim_matches_with_stars()
    {
        await using var vault = await ConfiguredAsync();
        await vault.PostAsync("/v1/auth/jwt/role/globbed", new JsonObject
        {
            ["role_type"] = "jwt",
            ["user_claim"] = "sub",
            ["bound_claims_type"] = "glob",
            ["bound_claims"] = new JsonObject { ["ref"] = new JsonArray("refs/heads/release-*", "refs/tags/*") },
        });
        var claims = Claims();
        claims["ref"] = "refs/tags/v1.2.3";
        claims.Remove("aud");

        var login = await vault.PostAsync("/v1/auth/jwt/login", new JsonObject { ["role"] = "globbed", ["jwt"] = JwtSigner.Sign(_rsa, "RS256", claims) }, token: null);

        login.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_audience_in_the_token_needs_bound_audiences_on_the_role()
    {
        await using var vault = await ConfiguredAsync();
        await vault.PostAsync("/v1/auth/jwt/role/open", new JsonObject { ["role_type"] = "jwt", ["user_claim"] = "sub", ["bound_subject"] = "repo:acme/app:ref:refs/heads/main" });

        var login = await vault.PostAsync("/v1/auth/jwt/login", new JsonObject { ["role"] = "open", ["jwt"] = JwtSigner.Sign(_rsa, "RS256", Claims()) }, token: null);

        login.Errors.ShouldBe(["audience claim found in JWT but no audiences bound to the role"]);
    }

    [Fact]
    public async Task A_seeded_config_and_role_log_in_with_a_generated_key()
    {
        await using var vault = await DevVaultHarness.StartAsync(new DevVaultSeed
        {
            Jwt = new DevJwtConfig
            {
                ValidationPublicKeys = [JwtSigner.PublicPem(_ec)],
                BoundIssuer = Issuer,
                Roles = new Dictionary<string, DevJwtRole>
                {
                    ["deploy"] = new("sub") { BoundAudiences = ["vault"], Token = new DevTokenSettings { Policies = ["ci"] } },
                },
            },
        });

        var login = await LoginAsync(vault, JwtSigner.Sign(_ec, "ES256", Claims()));

        login.Status.ShouldBe(HttpStatusCode.OK);
        login.Json["auth"]!["policies"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["ci", "default"]);
    }

    private static JsonObject Claims(string sub = "repo:acme/app:ref:refs/heads/main") => new()
    {
        ["iss"] = Issuer,
        ["sub"] = sub,
        ["aud"] = "vault",
        ["repository"] = "acme/app",
        ["repository_owner"] = "acme",
        ["iat"] = Now.ToUnixTimeSeconds(),
        ["nbf"] = Now.ToUnixTimeSeconds(),
        ["exp"] = Now.AddMinutes(5).ToUnixTimeSeconds(),
    };

    private static Task<VaultCall> LoginAsync(DevVaultHarness vault, string jwt) =>
        vault.PostAsync("/v1/auth/jwt/login", new JsonObject { ["role"] = "deploy", ["jwt"] = jwt }, token: null);

    private async Task<DevVaultHarness> ConfiguredAsync(JsonObject? extraConfig = null)
    {
        var vault = await DevVaultHarness.StartAsync();
        var config = new JsonObject
        {
            ["jwt_validation_pubkeys"] = new JsonArray(JwtSigner.PublicPem(_rsa), JwtSigner.PublicPem(_ec)),
            ["bound_issuer"] = Issuer,
        };
        foreach (var (key, value) in extraConfig ?? [])
        {
            config[key] = value?.DeepClone();
        }

        (await vault.PostAsync("/v1/auth/jwt/config", config)).Status.ShouldBe(HttpStatusCode.NoContent);
        var role = await vault.PostAsync("/v1/auth/jwt/role/deploy", new JsonObject
        {
            ["role_type"] = "jwt",
            ["user_claim"] = "sub",
            ["bound_audiences"] = "vault",
            ["bound_claims"] = new JsonObject { ["repository_owner"] = "acme" },
            ["claim_mappings"] = new JsonObject { ["repository"] = "repository" },
            ["token_policies"] = "ci",
            ["token_ttl"] = "10m",
        });
        role.Status.ShouldBe(HttpStatusCode.NoContent);
        return vault;
    }
}
