using SecureLaunch.Core.Diagnostics.Metrics;
using Shouldly;

namespace SecureLaunch.Core.Tests.Diagnostics.Metrics;

public sealed class PrometheusTextTests
{
    [Theory]
    [InlineData("db", "db")]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("C:\\path", "C:\\\\path")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("\\\"\n", "\\\\\\\"\\n")]
    public void Label_values_escape_backslash_double_quote_and_line_feed(string value, string escaped) =>
        PrometheusText.EscapeLabelValue(value).ShouldBe(escaped);

    [Fact]
    public void Help_text_escapes_backslash_and_line_feed_but_not_double_quotes() =>
        PrometheusText.EscapeHelp("a \"b\" \\ c\nd").ShouldBe("a \"b\" \\\\ c\\nd");

    [Theory]
    [InlineData(0d, "0")]
    [InlineData(42d, "42")]
    [InlineData(-1.5d, "-1.5")]
    [InlineData(12.345d, "12.345")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    public void Values_are_written_as_the_format_reads_floats(double value, string written) =>
        PrometheusText.FormatValue(value).ShouldBe(written);

    [Fact]
    public void A_family_is_its_help_and_type_lines_then_one_line_per_sample()
    {
        var writer = new StringWriter { NewLine = "\n" };

        PrometheusText.WriteHeader(writer, "x_total", "How many x.\nReally.", "counter");
        PrometheusText.WriteSample(writer, "x_total", ["secret", "kind"], ["db", "se\"aled"], 3);
        PrometheusText.WriteSample(writer, "x_total", [], [], 1);

        writer.ToString().ShouldBe("""
            # HELP x_total How many x.\nReally.
            # TYPE x_total counter
            x_total{secret="db",kind="se\"aled"} 3
            x_total 1

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
