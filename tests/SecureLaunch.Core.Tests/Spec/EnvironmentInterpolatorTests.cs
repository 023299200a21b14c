using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Spec;

public sealed class EnvironmentInterpolatorTests
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["ADDR"] = "http://vault:8200",
        ["EMPTY"] = string.Empty,
        ["SNEAKY"] = "{{ db.password }}",
    };

    private static InterpolationResult Expand(string text) => EnvironmentInterpolator.Expand(text, n => Variables.GetValueOrDefault(n));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("${ADDR}", "http://vault:8200")]
    [InlineData("$ADDR/v1", "http://vault:8200/v1")]
    [InlineData("${MISSING:-http://127.0.0.1:8200}", "http://127.0.0.1:8200")]
    [InlineData("${EMPTY:-fallback}", "fallback")]
    [InlineData("${EMPTY-fallback}", "")]
    [InlineData("${MISSING-fallback}", "fallback")]
    [InlineData("${ADDR:+set}", "set")]
    [InlineData("${MISSING:+set}", "")]
    [InlineData("cost: $$5", "cost: $5")]
    [InlineData("$${HOME}", "${HOME}")]
    [InlineData("${MISSING:-${ADDR}}", "http://vault:8200")]
    public void Expands_as_compose_does(string text, string expected) => Expand(text).Value.ShouldBe(expected);

    [Fact]
    public void An_unset_variable_without_default_is_an_error_at_its_offset()
    {
        var result = Expand("addr: ${NOPE}");

        result.Value.ShouldBeNull();
        result.Error!.ShouldContain("NOPE is not set");
        result.ErrorOffset.ShouldBe(6);
    }

    [Fact]
    public void A_required_variable_reports_its_message() =>
        Expand("${NOPE:?set the role id}").Error.ShouldBe("NOPE: set the role id");

    [Fact]
    public void Environment_text_cannot_become_a_secret_reference() =>
        Expand("${SNEAKY}").Error!.ShouldContain("secret references cannot come from the environment");

    [Theory]
    [InlineData("${ADDR")]
    [InlineData("$(date)")]
    [InlineData("${ADDR%%x}")]
    [InlineData("${1abc}")]
    public void Malformed_substitutions_are_errors(string text) => Expand(text).Error.ShouldNotBeNull();
}
