using System.Text.Json;
using SecureLaunch.Core.Rotation;
using Shouldly;

namespace SecureLaunch.Core.Tests.Rotation;

public sealed class ContentHasherTests
{
    private readonly ContentHasher _hasher = new();

    private static Dictionary<string, JsonElement> Data(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    [Fact]
    public void The_same_content_in_another_field_order_hashes_the_same()
    {
        var a = _hasher.Hash(Data("""{"username":"v-app-1","password":"p","meta":{"b":1,"a":[1,2]}}"""));
        var b = _hasher.Hash(Data("""{"meta":{"a":[1,2],"b":1},"password":"p","username":"v-app-1"}"""));

        ContentHasher.Same(a, b).ShouldBeTrue();
    }

    [Theory]
    [InlineData("""{"username":"v-app-2","password":"p"}""")]
    [InlineData("""{"username":"v-app-1","password":"q"}""")]
    [InlineData("""{"username":"v-app-1"}""")]
    [InlineData("""{"username":"v-app-1","password":"p","extra":""}""")]
    [InlineData("""{"username":"v-app-1","password":["p"]}""")]
    public void Any_change_of_a_field_name_value_or_shape_changes_the_hash(string changed)
    {
        var original = _hasher.Hash(Data("""{"username":"v-app-1","password":"p"}"""));

        ContentHasher.Same(original, _hasher.Hash(Data(changed))).ShouldBeFalse();
    }

    [Fact]
    public void The_hash_is_keyed_per_launch_so_it_cannot_be_checked_against_guesses()
    {
        var data = Data("""{"password":"hunter2"}""");

        ContentHasher.Same(new ContentHasher().Hash(data), new ContentHasher().Hash(data)).ShouldBeFalse();
        Convert.ToHexStringLower(_hasher.Hash(data)).ShouldNotBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("""{"password":"hunter2"}"""u8)));
    }
}
