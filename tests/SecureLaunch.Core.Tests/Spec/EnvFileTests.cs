using SecureLaunch.Core.Spec;
using Shouldly;

namespace SecureLaunch.Core.Tests.Spec;

public sealed class EnvFileTests
{
    private readonly FakeEnvironment _environment = new FakeEnvironment().With("HOME_DIR", "/home/me");

    private Dictionary<string, string> Parse(string text)
    {
        var variables = new Dictionary<string, string>();
        EnvFile.Parse(text, "app.env", variables, _environment.GetVariable).ShouldBeNull();
        return variables;
    }

    private string Error(string text) => EnvFile.Parse(text, "app.env", new Dictionary<string, string>(), _environment.GetVariable)!;

    [Fact]
    public void Lines_are_name_value_pairs_with_comments_blank_lines_and_export_ignored() =>
        Parse("# a comment\n\nA=1\n  export B=two\nC=\n").ShouldBe(new Dictionary<string, string> { ["A"] = "1", ["B"] = "two", ["C"] = string.Empty });

    [Theory]
    [InlineData("V=VAL # comment", "VAL")]
    [InlineData("V=VAL# not a comment", "VAL# not a comment")]
    [InlineData("V=\"VAL # not a comment\"", "VAL # not a comment")]
    [InlineData("V=\"VAL\" # comment", "VAL")]
    [InlineData("V='$OTHER'", "$OTHER")]
    [InlineData("V='${OTHER}'", "${OTHER}")]
    [InlineData("V='Let\\'s go!'", "Let's go!")]
    [InlineData("V=\"{\\\"hello\\\": \\\"json\\\"}\"", "{\"hello\": \"json\"}")]
    [InlineData("V=\"some\\tvalue\"", "some\tvalue")]
    [InlineData("V='some\\tvalue'", "some\\tvalue")]
    [InlineData("V=some\\tvalue", "some\\tvalue")]
    [InlineData("V=  spaced out  ", "spaced out")]
    [InlineData("V=\"a \\$literal\"", "a $literal")]
    [InlineData("V=$${NOT_A_VARIABLE}", "${NOT_A_VARIABLE}")]
    [InlineData("V=a=b=c", "a=b=c")]
    public void Values_are_read_as_compose_reads_them(string line, string value) => Parse(line)["V"].ShouldBe(value);

    [Fact]
    public void Unquoted_and_double_quoted_values_are_interpolated_from_lines_above_then_the_environment() =>
        Parse("ROOT=/srv\nDATA=${ROOT}/data\nCONF=\"$HOME_DIR/.conf\"\nRAW='${ROOT}'\nDEF=${MISSING:-fallback}\n")
            .ShouldBe(new Dictionary<string, string>
            {
                ["ROOT"] = "/srv", ["DATA"] = "/srv/data", ["CONF"] = "/home/me/.conf", ["RAW"] = "${ROOT}", ["DEF"] = "fallback",
            });

    [Fact]
    public void Quoted_values_may_span_lines() =>
        Parse("KEY=\"-----BEGIN KEY-----\nabc\n-----END KEY-----\"\nNEXT=1\n").ShouldBe(new Dictionary<string, string>
        {
            ["KEY"] = "-----BEGIN KEY-----\nabc\n-----END KEY-----", ["NEXT"] = "1",
        });

    [Fact]
    public void A_bare_name_sets_nothing() => Parse("A=1\nJUST_A_NAME\n").Keys.ShouldBe(["A"]);

    [Fact]
    public void A_later_line_replaces_an_earlier_one() => Parse("A=1\nA=2\n")["A"].ShouldBe("2");

    [Theory]
    [InlineData("A=1\nhvs.s3cr3t-token-pasted-alone\n", "app.env:2: expected NAME=value (the line is not shown: env files may hold secrets)")]
    [InlineData("my-key=s3cr3t\n", "app.env:1: the name before '=' is not a variable name ([A-Za-z_][A-Za-z0-9_]*) (the line is not shown: env files may hold secrets)")]
    [InlineData("A=\"s3cr3t\n", "app.env:1: A: the double quote is never closed")]
    [InlineData("A='s3cr3t' trailing\n", "app.env:1: A: only a comment may follow the closing quote")]
    [InlineData("A=s3cr3t$\n", "app.env:1: A: a '$' that is not a valid ${NAME} substitution (write $$ for a literal '$')")]
    [InlineData("A=${s3cr3t%x}\n", "app.env:1: A: a '$' that is not a valid ${NAME} substitution (write $$ for a literal '$')")]
    [InlineData("\n\nA=${UNSET_HERE}\n", "app.env:3: A: environment variable UNSET_HERE is not set (write ${UNSET_HERE:-} to allow an empty value)")]
    public void A_malformed_line_is_one_error_with_file_and_line_and_never_the_text(string text, string error)
    {
        var message = Error(text);

        message.ShouldBe(error);
        message.ShouldNotContain("s3cr3t");
    }

    [Fact]
    public void Files_are_read_in_order_and_a_later_file_wins()
    {
        _environment.WithFile("/work/a.env", "A=1\nB=1\n").WithFile("/work/b.env", "B=2\n");

        var result = EnvFile.Load(["/work/a.env", "/work/b.env"], _environment, p => Path.GetFileName(p));

        result.Error.ShouldBeNull();
        result.Variables.ShouldBe(new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" });
    }

    [Fact]
    public void A_missing_file_is_named() =>
        EnvFile.Load(["/work/none.env"], _environment, p => p).Error.ShouldBe("--env-file /work/none.env: no such file");

    [Fact]
    public void Env_file_variables_win_over_the_environment_in_the_spec()
    {
        _environment.With("IMAGE", "from-environment").With("TAG", "stable");
        var variables = new Dictionary<string, string> { ["IMAGE"] = "from-env-file" };

        var spec = new SpecLoader(_environment, variables)
            .Load("version: 1\ncontainers:\n  web: { image: \"${IMAGE}:${TAG}\" }\n", "spec.yaml", "t", []).Spec!;

        spec.Containers[0].Image.ShouldBe("from-env-file:stable");
    }

    [Fact]
    public void A_value_from_an_env_file_is_never_quoted_in_a_spec_error()
    {
        var variables = new Dictionary<string, string> { ["MODE"] = "s3cr3t-mode", ["NS"] = "ns" };

        var errors = new SpecLoader(_environment, variables)
            .Load("version: 1\ncontainers:\n  web: { image: busybox, isolation: \"${MODE}\", exposure: \"${NS}\" }\n", "spec.yaml", "t", []).Errors;

        errors.Select(e => e.ToString()).ShouldBe([
            "spec.yaml:3:38: isolation '*****' must be process, hyperv or sandbox",
            "spec.yaml:3:59: exposure 'ns' must be hidden (the default) or config",
        ]);
    }
}
