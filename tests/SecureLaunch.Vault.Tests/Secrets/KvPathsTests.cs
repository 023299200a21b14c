using System.Text.Json;
using SecureLaunch.Vault.Json;
using SecureLaunch.Vault.Secrets;
using Shouldly;

namespace SecureLaunch.Vault.Tests.Secrets;

public sealed class KvPathsTests
{
    [Theory]
    [InlineData("secret/my-secret", "secret", "secret/data/my-secret")]
    [InlineData("secret/myapp/stripe", "secret", "secret/data/myapp/stripe")]
    [InlineData("team/kv/app/db", "team/kv", "team/kv/data/app/db")]
    [InlineData("secret", "secret", "secret/data")]
    public void A_kv_v2_path_gets_data_right_after_its_mount(string path, string mount, string expected) =>
        KvPaths.V2DataPath(path, mount).ShouldBe(expected);

    [Theory]
    [InlineData("secret/app", "secret/", "secret")]
    [InlineData("team/kv/app", "team/kv/", "team/kv")]
    [InlineData("secret/app", "ns1/ns2/secret/", "secret")]
    public void The_reported_mount_is_matched_to_the_request_path_even_with_a_namespace_in_front(string path, string reported, string expected) =>
        KvPaths.RelativeMount(path, reported).ShouldBe(expected);

    [Theory]
    [InlineData("secretive/app", "secret/")]
    [InlineData("other/app", "secret/")]
    [InlineData("secret/app", "")]
    public void A_mount_that_does_not_hold_the_path_is_not_matched(string path, string reported) =>
        KvPaths.RelativeMount(path, reported).ShouldBeNull();

    [Theory]
    [InlineData("kv", "2", 2)]
    [InlineData("kv", "1", 1)]
    [InlineData("kv", null, 1)]
    [InlineData("generic", null, 1)]
    [InlineData("database", null, null)]
    [InlineData("pki", null, null)]
    public void The_kv_version_comes_from_the_mount_type_and_options(string type, string? version, int? expected)
    {
        var options = version is null ? null : new Dictionary<string, JsonElement> { ["version"] = JsonSerializer.SerializeToElement(version, VaultJsonContext.Default.String) };

        KvMountResolver.KvVersionOf(new MountInfo { Path = "x/", Type = type, Options = options }).ShouldBe(expected);
    }
}
