using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Spec;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("imgae", "image")]
    [InlineData("Enviroment", null)]
    [InlineData("comand", "command")]
    [InlineData("xyz", null)]
    public void Suggests_the_closest_key_within_reach(string word, string? expected) =>
        Suggestions.Closest(word, ["image", "command", "entrypoint", "env"]).ShouldBe(expected);
}
