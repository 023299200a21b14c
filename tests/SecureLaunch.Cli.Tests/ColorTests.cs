using System.Text;
using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Host;
using Shouldly;

namespace SecureLaunch.Cli.Tests;

public sealed class ColorTests
{
    private const string Escape = "\u001b[";

    [Theory]
    [InlineData(true, null, "xterm-256color", true)]
    [InlineData(true, "", "xterm", true)]
    [InlineData(false, null, "xterm", false)]
    [InlineData(true, "1", "xterm", false)]
    [InlineData(true, "anything", null, false)]
    [InlineData(true, null, "dumb", false)]
    public void Colour_only_on_a_terminal_without_NO_COLOR(bool terminal, string? noColor, string? term, bool color) =>
        CliConsole.ShouldUseColor(terminal, noColor, term).ShouldBe(color);

    [Fact]
    public void A_coloured_console_paints_the_error_prefix_and_not_the_message()
    {
        var stderr = new MemoryStream();
        var console = new CliConsole(new MemoryStream(), stderr) { UseColor = true };

        console.WriteError("the spec has no containers");

        Encoding.UTF8.GetString(stderr.ToArray()).ShouldBe("\u001b[31msecurelaunch: error:\u001b[0m the spec has no containers\n");
    }

    [Fact]
    public async Task No_color_turns_colour_off_for_the_whole_command_line()
    {
        var stderr = new MemoryStream();
        var console = new CliConsole(new MemoryStream(), stderr) { UseColor = true };

        var exitCode = await CliApp.RunAsync(["validate", "--no-color", "-f", "/nonexistent/securelaunch.yaml"], new CliContext(ProcessEnvironment.Instance, console, ShutdownSignal.Manual()));

        exitCode.ShouldBe(ExitCodes.LaunchFailed);
        console.UseColor.ShouldBeFalse();
        Encoding.UTF8.GetString(stderr.ToArray()).ShouldStartWith("securelaunch: error: ");
    }

    [Fact]
    public async Task Without_no_color_a_coloured_console_stays_coloured()
    {
        var stderr = new MemoryStream();
        var console = new CliConsole(new MemoryStream(), stderr) { UseColor = true };

        await CliApp.RunAsync(["validate", "-f", "/nonexistent/securelaunch.yaml"], new CliContext(ProcessEnvironment.Instance, console, ShutdownSignal.Manual()));

        Encoding.UTF8.GetString(stderr.ToArray()).ShouldStartWith(Escape);
    }

    [Theory]
    [InlineData(true, "\u001b[33msecurelaunch: warning:\u001b[0m lease renewal failed\n")]
    [InlineData(false, "securelaunch: warning: lease renewal failed\n")]
    public void The_logger_colours_warning_prefixes_only_when_asked(bool color, string expected)
    {
        var writer = new StringWriter { NewLine = "\n" };
        using var provider = new CliLoggerProvider(writer, LogLevel.Information, color);

        provider.CreateLogger("t").LogWarning("lease renewal failed");

        writer.ToString().ShouldBe(expected);
    }

    [Fact]
    public void Information_lines_are_never_coloured()
    {
        var writer = new StringWriter { NewLine = "\n" };
        using var provider = new CliLoggerProvider(writer, LogLevel.Information, color: true);

        provider.CreateLogger("t").LogInformation("container web started");

        writer.ToString().ShouldBe("securelaunch: container web started\n");
    }
}
