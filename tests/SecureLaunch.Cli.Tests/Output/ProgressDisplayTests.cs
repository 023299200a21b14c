using System.Text;
using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Host;
using SecureLaunch.TestKit;
using SecureLaunch.Vault;
using Shouldly;

namespace SecureLaunch.Cli.Tests.Output;

/// <summary>The progress block, replayed through a virtual terminal to see the screen a person would see.</summary>
public sealed class ProgressDisplayTests
{
    private readonly MemoryStream _stderr = new();
    private readonly StreamWriter _terminal;
    private readonly ProgressDisplay _display;
    private readonly ILogger _launch;
    private readonly ILogger _docker;

    public ProgressDisplayTests()
    {
        _terminal = new StreamWriter(_stderr) { AutoFlush = true };
        _display = new ProgressDisplay(_terminal, LogLevel.Information, 100);
        var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(_display));
        _launch = loggers.CreateLogger(CliLogging.LaunchCategory);
        _docker = loggers.CreateLogger("SecureLaunch.Docker.DockerEngine");
    }

    private IReadOnlyList<string> Screen => VirtualTerminal.Screen(Encoding.UTF8.GetString(_stderr.ToArray()));

    private void UpToSecrets()
    {
        CoreLog.Write(_launch, "LaunchStarting", "1a2b3c4d", 2, 2);
        _docker.Log(LogLevel.Information, new EventId(11, "Pulling"), "Pulling image busybox:stable");
        CoreLog.Write(_launch, "VaultHealthy", new Uri("http://127.0.0.1:8200/"), "unsealed, active", "1.14.8");
        CoreLog.Write(_launch, "Authenticated", "VAULT_TOKEN", "acc", "default");
        CoreLog.Write(_launch, "SecretLeased", "db", 1, 2, "database/creds/app", new ShortLeaseId("database/creds/app/abc"), 30, "renewable");
    }

    [Fact]
    public void Each_step_is_redrawn_in_place_and_other_lines_are_printed_above_the_block()
    {
        UpToSecrets();

        Screen.ShouldBe([
            "securelaunch: Pulling image busybox:stable",
            "✓ docker     ready",
            "✓ vault      http://127.0.0.1:8200/ unsealed, active, version 1.14.8",
            "✓ auth       token from VAULT_TOKEN, policies default",
            "› secrets    1/2: db",
            "· containers 0/2",
        ]);
    }

    [Fact]
    public void The_block_is_left_once_every_container_is_created_and_later_lines_are_plain()
    {
        UpToSecrets();
        CoreLog.Write(_launch, "SecretRead", "stripe", 2, 2, "secret/stripe", 1);
        CoreLog.Write(_launch, "ContainerCreated", "web", "demo-web-1a2b3c4d", 1, 2);
        CoreLog.Write(_launch, "ContainerCreated", "worker", "demo-worker-1a2b3c4d", 2, 2);
        CoreLog.Write(_launch, "ContainerStarted", "web", "busybox:stable", "demo-web-1a2b3c4d", "default runtime");
        CoreLog.Write(_launch, "ContainerStarted", "worker", "busybox:stable", "demo-worker-1a2b3c4d", "default runtime");
        CoreLog.Write(_launch, "ContainerExited", "web", 0L);

        Screen.ShouldBe([
            "securelaunch: Pulling image busybox:stable",
            "✓ docker     ready",
            "✓ vault      http://127.0.0.1:8200/ unsealed, active, version 1.14.8",
            "✓ auth       token from VAULT_TOKEN, policies default",
            "✓ secrets    2/2: db, stripe",
            "✓ containers 2/2 created: web, worker",
            "securelaunch: container web: started busybox:stable as demo-web-1a2b3c4d (default runtime)",
            "securelaunch: container worker: started busybox:stable as demo-worker-1a2b3c4d (default runtime)",
            "securelaunch: container web: exited with code 0",
        ]);
    }

    [Fact]
    public void Container_output_leaves_the_block_where_it_stands_so_it_is_not_drawn_over()
    {
        UpToSecrets();
        using var stderr = new TerminalContainerOutput(_display, Stream.Null, _stderr).OpenStandardError("web");

        stderr.Write("hello from web\n"u8);
        CoreLog.Write(_launch, "SecretRead", "stripe", 2, 2, "secret/stripe", 1);

        Screen.ShouldBe([
            "securelaunch: Pulling image busybox:stable",
            "✓ docker     ready",
            "✓ vault      http://127.0.0.1:8200/ unsealed, active, version 1.14.8",
            "✓ auth       token from VAULT_TOKEN, policies default",
            "› secrets    1/2: db",
            "· containers 0/2",
            "hello from web",
            "securelaunch: secret stripe (2/2): secret/stripe read (fields: 1)",
        ]);
    }

    [Fact]
    public void A_failed_launch_marks_the_step_under_way_before_its_error_line()
    {
        UpToSecrets();

        _display.Fail();
        _terminal.WriteLine("securelaunch: error: secret 'stripe': permission denied");

        Screen.TakeLast(3).ShouldBe([
            "✗ secrets    1/2: db",
            "· containers 0/2",
            "securelaunch: error: secret 'stripe': permission denied",
        ]);
    }

    [Fact]
    public void A_step_line_is_cut_to_the_terminal_width_so_the_redraw_stays_in_place()
    {
        var display = new ProgressDisplay(_terminal, LogLevel.Information, 30);
        var logger = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(display)).CreateLogger(CliLogging.LaunchCategory);

        CoreLog.Write(logger, "LaunchStarting", "1a2b3c4d", 1, 1);
        CoreLog.Write(logger, "VaultHealthy", new Uri("https://vault.a-long-internal-name.example:8200/"), "unsealed, active", "1.14.8");

        Screen.ShouldAllBe(line => line.Length < 30);
        Screen[1].ShouldBe("✓ vault      https://vault.a…");
    }

    [Theory]
    [InlineData(true, "xterm", "text", LogLevel.Information, true)]
    [InlineData(false, "xterm", "text", LogLevel.Information, false)]
    [InlineData(true, "dumb", "text", LogLevel.Information, false)]
    [InlineData(true, "xterm", "json", LogLevel.Information, false)]
    [InlineData(true, "xterm", "text", LogLevel.Warning, false)]
    public void It_is_used_only_on_a_terminal_for_text_output_and_not_with_quiet(bool terminal, string term, string format, LogLevel level, bool wanted)
    {
        var console = new CliConsole(Stream.Null, Stream.Null) { ErrorIsTerminal = terminal };
        if (format == OutputFormats.Json)
        {
            console = console with { Json = new JsonEventWriter(Stream.Null, TimeProvider.System) };
        }

        var context = new CliContext(new TermEnvironment(term), console, ShutdownSignal.Manual());

        ProgressDisplay.IsWanted(context, level).ShouldBe(wanted);
    }

    private sealed class TermEnvironment(string term) : ISystemEnvironment
    {
        public string HomeDirectory => Path.GetTempPath();

        public string CurrentDirectory => Path.GetTempPath();

        public string? GetVariable(string name) => name == "TERM" ? term : null;

        public IReadOnlyDictionary<string, string> GetVariables() => new Dictionary<string, string> { ["TERM"] = term };

        public bool FileExists(string path) => false;

        public string ReadAllText(string path) => throw new FileNotFoundException(path);

        public void DeleteFile(string path)
        {
        }
    }
}
