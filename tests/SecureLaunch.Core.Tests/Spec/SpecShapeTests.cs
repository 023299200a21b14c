using System.Text.RegularExpressions;
using SecureLaunch.Core.Spec.Shape;
using SecureLaunch.Core.Templates;
using Shouldly;

namespace SecureLaunch.Core.Tests.Spec;

public sealed class SpecShapeTests
{
    [Theory]
    [InlineData("vault:auth:token", true)]
    [InlineData("VAULT:AUTH:ROLEID", true)]
    [InlineData("vault:auth:secretId", true)]
    [InlineData("vault:auth:wrappedSecretId", true)]
    [InlineData("vault:auth:password", true)]
    [InlineData("vault:auth:jwt", true)]
    [InlineData("vault:unseal:keys", true)]
    [InlineData("vault:unseal:keys:0", true)]
    [InlineData("vault:auth:tokenFile", false)]
    [InlineData("vault:auth:secretIdEnv", false)]
    [InlineData("vault:auth:username", false)]
    [InlineData("vault:unseal:keysFile", false)]
    [InlineData("vault:auth", false)]
    [InlineData("containers:web:env:TOKEN", false)]
    [InlineData("nothing:known", false)]
    public void Secret_material_is_told_from_the_shape(string key, bool secret) =>
        SpecShape.IsSecretMaterial(key.Split(':')).ShouldBe(secret);

    [Theory]
    [InlineData("web")]
    [InlineData("a-b_c9")]
    [InlineData("9web")]
    [InlineData("-web")]
    [InlineData("we.b")]
    [InlineData("")]
    public void The_name_pattern_agrees_with_the_binders_name_check(string name) =>
        Regex.IsMatch(name, SpecShape.NamePattern).ShouldBe(SpecNames.IsValidName(name));

    [Fact]
    public void The_name_pattern_allows_63_characters_and_no_more()
    {
        Regex.IsMatch(new string('a', 63), SpecShape.NamePattern).ShouldBeTrue();
        Regex.IsMatch(new string('a', 64), SpecShape.NamePattern).ShouldBeFalse();
    }

    [Fact]
    public void Sections_are_walked_in_document_order_with_their_paths() =>
        SpecWalk.Sections(SpecShape.Root).Select(s => s.Path).ShouldBe([
            string.Empty, "vault", "vault.auth", "vault.unseal", "vault.tls", "secrets.<name>", "containers.<name>", "containers.<name>.files[]",
            "containers.<name>.ports[]", "containers.<name>.volumes[]", "containers.<name>.healthcheck", "containers.<name>.depends_on.<container>",
            "services.<name>", "services.<name>.secrets[]", "services.<name>.update", "services.<name>.restart", "rotation", "deploy",
        ]);
}
