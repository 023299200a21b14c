using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Spec;

public sealed class AuthSpecTests
{
    private readonly FakeEnvironment _environment = new FakeEnvironment().With("ROLE_ID", "role-123");

    private SpecLoadResult Load(string auth, params string[] overrides) => new SpecLoader(_environment).Load(
        $"version: 1\nvault:\n  auth:\n{auth}\ncontainers:\n  web: {{ image: busybox }}\n", "spec.yaml", "t", overrides);

    private IReadOnlyList<string> Errors(string auth, params string[] overrides) => [.. Load(auth, overrides).Errors.Select(e => e.ToString())];

    [Fact]
    public void Approle_takes_a_role_id_from_the_environment_and_a_wrapped_secret_id_from_a_file()
    {
        var auth = Load("    method: approle\n    roleId: ${ROLE_ID}\n    wrappedSecretIdFile: /run/ci/wrapped\n    removeSecretIdFile: true").Spec!.Vault.Auth;

        auth.Method.ShouldBe(AuthMethod.AppRole);
        auth.Mount.ShouldBe("approle");
        auth.RoleId!.Value.ShouldBe("role-123");
        auth.SecretId!.File.ShouldBe("/run/ci/wrapped");
        auth.SecretIdWrapped.ShouldBeTrue();
        auth.RemoveSecretIdFile.ShouldBeTrue();
        auth.CreatesToken.ShouldBeTrue();
    }

    [Fact]
    public void Jwt_reads_its_token_from_an_environment_variable_and_takes_a_custom_mount()
    {
        var auth = Load("    method: jwt\n    mount: gitlab-jwt\n    role: deploy\n    jwtEnv: CI_JOB_JWT").Spec!.Vault.Auth;

        (auth.Method, auth.Mount, auth.Role, auth.Jwt!.EnvironmentVariable).ShouldBe((AuthMethod.Jwt, "gitlab-jwt", "deploy", "CI_JOB_JWT"));
    }

    [Fact]
    public void Kubernetes_defaults_to_the_pods_service_account_token() =>
        Load("    method: kubernetes\n    role: app").Spec!.Vault.Auth.Jwt!.File.ShouldBe(AuthSettings.KubernetesTokenFile);

    [Fact]
    public void Userpass_needs_a_username_and_one_password_source() =>
        Errors("    method: userpass\n    password: a\n    passwordFile: /p").ShouldBe([
            "spec.yaml:3:3: userpass needs 'username'",
            "spec.yaml:3:3: give only one of password, passwordFile",
        ]);

    [Fact]
    public void A_key_of_another_method_is_named_as_such() =>
        Errors("    method: approle\n    roleId: r\n    secretId: s\n    password: p")
            .ShouldBe(["spec.yaml:7:5: 'password' belongs to auth method userpass, not approle"]);

    [Fact]
    public void An_unknown_method_gets_a_suggestion() =>
        Errors("    method: aproles").ShouldBe(["spec.yaml:4:13: unknown auth method 'aproles'; use one of token, approle, userpass, jwt, kubernetes; did you mean 'approle'?"]);

    [Fact]
    public void Approle_without_a_secret_id_is_an_error() =>
        Errors("    method: approle\n    roleId: r").ShouldBe(["spec.yaml:3:3: approle needs a secret id: secretId, secretIdFile, secretIdEnv, or their wrappedSecretId forms"]);

    [Fact]
    public void Removing_the_secret_id_file_needs_a_file() =>
        Errors("    method: approle\n    roleId: r\n    secretIdEnv: SID\n    removeSecretIdFile: true")
            .ShouldBe(["spec.yaml:7:25: removeSecretIdFile needs the secret id in a file (secretIdFile or wrappedSecretIdFile)"]);

    [Theory]
    [InlineData("vault.auth.secretId=s3cr3t")]
    [InlineData("vault.auth.password=hunter2")]
    [InlineData("vault.auth.token=hvs.x")]
    [InlineData("vault.unseal.keys.0=abc")]
    public void Secret_material_is_refused_on_the_command_line(string flag)
    {
        var errors = Errors("    method: token", flag);

        errors.ShouldHaveSingleItem().ShouldContain("secret material is not taken from the command line");
        errors[0].ShouldNotContain(flag[(flag.IndexOf('=', StringComparison.Ordinal) + 1)..]);
    }

    [Fact]
    public void File_names_for_credentials_may_come_from_the_command_line() =>
        Load("    method: approle\n    roleId: r\n    secretIdFile: /a", "vault.auth.secretIdFile=/b").Spec!.Vault.Auth.SecretId!.File.ShouldBe("/b");
}
