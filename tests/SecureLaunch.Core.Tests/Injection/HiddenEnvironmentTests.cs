using System.Text;
using SecureLaunch.Core.Injection;
using SecureLaunch.Core.Launching;
using Shouldly;

namespace SecureLaunch.Core.Tests.Injection;

public sealed class HiddenEnvironmentTests
{
    private static readonly string[] Init = ["/.securelaunch/init", "--"];

    private static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    [Fact]
    public void Encode_writes_name_equals_value_entries_each_ended_by_a_nul_byte_in_name_order() =>
        Decode(HiddenEnvironment.Encode(new Dictionary<string, string> { ["DB_USER"] = "app", ["API_KEY"] = "k1" }))
            .ShouldBe("API_KEY=k1\0DB_USER=app\0");

    [Fact]
    public void Encode_keeps_newlines_equals_signs_and_empty_values_as_they_are() =>
        Decode(HiddenEnvironment.Encode(new Dictionary<string, string> { ["PEM"] = "-----BEGIN-----\nab==\n", ["EMPTY"] = "" }))
            .ShouldBe("EMPTY=\0PEM=-----BEGIN-----\nab==\n\0");

    [Fact]
    public void Encode_writes_values_as_utf8() =>
        HiddenEnvironment.Encode(new Dictionary<string, string> { ["A"] = "é" }).ShouldBe([(byte)'A', (byte)'=', 0xC3, 0xA9, 0]);

    [Fact]
    public void Encode_of_no_variables_is_an_empty_file() =>
        HiddenEnvironment.Encode(new Dictionary<string, string>()).ShouldBeEmpty();

    [Theory]
    [InlineData("")]
    [InlineData("1ABC")]
    [InlineData("A-B")]
    [InlineData("A=B")]
    [InlineData("A\0B")]
    [InlineData("ÄB")]
    public void Encode_refuses_a_name_that_is_not_a_portable_variable_name(string name) =>
        Should.Throw<ArgumentException>(() => HiddenEnvironment.Encode(new Dictionary<string, string> { [name] = "v" }));

    [Fact]
    public void Encode_refuses_a_value_with_a_nul_byte_naming_the_variable_but_not_the_value() =>
        Should.Throw<LaunchException>(() => HiddenEnvironment.Encode(new Dictionary<string, string> { ["TOKEN"] = "s3cr3t\0tail" }))
            .Message.ShouldSatisfyAllConditions(
                m => m.ShouldContain("'TOKEN'"),
                m => m.ShouldNotContain("s3cr3t"));

    [Fact]
    public void Encode_refuses_a_value_that_is_not_valid_unicode_without_showing_it() =>
        Should.Throw<LaunchException>(() => HiddenEnvironment.Encode(new Dictionary<string, string> { ["TOKEN"] = "s3cr3t\uD800" }))
            .Message.ShouldNotContain("s3cr3t");

    [Fact]
    public void Encode_accepts_an_entry_of_exactly_the_kernels_limit_and_refuses_one_byte_more()
    {
        var fits = new string('x', HiddenEnvironment.MaxEntryBytes - "BIG=".Length);

        HiddenEnvironment.Encode(new Dictionary<string, string> { ["BIG"] = fits }).Length.ShouldBe(HiddenEnvironment.MaxEntryBytes + 1);
        Should.Throw<LaunchException>(() => HiddenEnvironment.Encode(new Dictionary<string, string> { ["BIG"] = fits + "x" }))
            .Message.ShouldContain("'BIG'");
    }

    [Fact]
    public void Encode_refuses_a_file_larger_than_the_init_accepts()
    {
        var value = new string('x', 100_000);
        var variables = Enumerable.Range(0, 11).ToDictionary(i => $"V{i}", _ => value);

        Should.Throw<LaunchException>(() => HiddenEnvironment.Encode(variables)).Message.ShouldContain("at most 1048576");
    }

    [Fact]
    public void Wrap_runs_the_images_entrypoint_and_command_behind_the_init()
    {
        var (entrypoint, command) = HiddenEnvironment.Wrap(["/docker-entrypoint.sh"], ["nginx", "-g", "daemon off;"], null, null);

        entrypoint.ShouldBe(Init);
        command.ShouldBe(["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]);
    }

    [Fact]
    public void Wrap_runs_the_images_command_when_it_has_no_entrypoint() =>
        HiddenEnvironment.Wrap(null, ["sh"], null, null).Command.ShouldBe(["sh"]);

    [Fact]
    public void Wrap_lets_a_spec_command_replace_the_images_command_but_keep_its_entrypoint() =>
        HiddenEnvironment.Wrap(["/entry"], ["default"], null, ["echo", "hi"]).Command.ShouldBe(["/entry", "echo", "hi"]);

    [Fact]
    public void Wrap_lets_a_spec_entrypoint_replace_the_images_and_drop_its_command() =>
        HiddenEnvironment.Wrap(["/entry"], ["default"], ["/bin/app"], null).Command.ShouldBe(["/bin/app"]);

    [Fact]
    public void Wrap_runs_a_spec_entrypoint_with_the_spec_command() =>
        HiddenEnvironment.Wrap(["/entry"], ["default"], ["sh", "-c"], ["echo $A"]).Command.ShouldBe(["sh", "-c", "echo $A"]);

    [Fact]
    public void Wrap_with_an_empty_spec_entrypoint_clears_the_images_but_keeps_its_command() =>
        HiddenEnvironment.Wrap(["/entry"], ["default"], [], null).Command.ShouldBe(["default"]);

    [Fact]
    public void Wrap_with_a_spec_entrypoint_of_one_empty_string_clears_it_and_runs_the_spec_command() =>
        HiddenEnvironment.Wrap(["/entry"], ["default"], [""], ["top"]).Command.ShouldBe(["top"]);

    [Fact]
    public void Wrap_with_a_spec_entrypoint_of_one_empty_string_and_no_command_has_nothing_to_run() =>
        Should.Throw<LaunchException>(() => HiddenEnvironment.Wrap(["/entry"], ["default"], [""], null)).Message.ShouldStartWith("nothing to run");

    [Fact]
    public void Wrap_treats_an_image_entrypoint_of_one_empty_string_as_none() =>
        HiddenEnvironment.Wrap([""], ["sh"], null, null).Command.ShouldBe(["sh"]);

    [Fact]
    public void Wrap_refuses_when_neither_image_nor_spec_gives_anything_to_run() =>
        Should.Throw<LaunchException>(() => HiddenEnvironment.Wrap(null, null, null, [])).Message.ShouldStartWith("nothing to run");

    [Fact]
    public void Wrap_refuses_a_command_whose_program_name_is_empty() =>
        Should.Throw<LaunchException>(() => HiddenEnvironment.Wrap(null, ["", "x"], null, null)).Message.ShouldContain("empty program name");
}
