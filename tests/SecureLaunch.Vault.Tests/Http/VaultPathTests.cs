using SecureLaunch.Vault.Http;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Http;

public sealed class VaultPathTests
{
    [Theory]
    [InlineData("secret/app", "secret/app")]
    [InlineData("/secret/app/", "secret/app")]
    [InlineData(" database/creds/app ", "database/creds/app")]
    public void Paths_lose_their_outer_slashes(string given, string expected) =>
        VaultPath.Normalize(given, "path").ShouldBe(expected);

    [Theory]
    [InlineData("secret/../sys/seal")]
    [InlineData("secret/./app")]
    [InlineData("secret//app")]
    [InlineData("v1/secret/app")]
    [InlineData("secret/app.")]
    [InlineData("  ")]
    public void Paths_that_could_leave_their_mount_or_that_vault_refuses_are_rejected(string given) =>
        Should.Throw<ArgumentException>(() => VaultPath.Normalize(given, "path"));

    [Fact]
    public void Each_segment_is_escaped_and_the_slashes_stay() =>
        VaultPath.Escape("secret/my app/a?b#c").ShouldBe("secret/my%20app/a%3Fb%23c");
}
