using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SecureLaunch.Cli.Output;
using SecureLaunch.Core.Leases;
using SecureLaunch.TestKit;
using SecureLaunch.Vault;
using Shouldly;

namespace SecureLaunch.Cli.Tests.Output;

public sealed class JsonLoggerProviderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 11, 47, 44, 123, TimeSpan.Zero);

    private readonly MemoryStream _stdout = new();
    private readonly ILoggerFactory _loggers;

    public JsonLoggerProviderTests()
    {
        var writer = new JsonEventWriter(_stdout, new FakeTimeProvider(Now));
        _loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new JsonLoggerProvider(writer, LogLevel.Debug, LogLevel.Information)));
    }

    private string[] Lines => Encoding.UTF8.GetString(_stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void A_log_event_becomes_one_line_named_after_its_method_with_its_placeholders_as_fields()
    {
        CoreLog.Write(_loggers.CreateLogger(CliLogging.LaunchCategory), "SecretLeased", "db", 1, 2, "database/creds/app", new ShortLeaseId("database/creds/app/AbCdEfGh"), 30, "renewable");

        Lines.ShouldBe([
            """{"event":"secret_leased","time":"2026-11-29T11:47:44.123Z","level":"info","message":"secret db (1/2): database/creds/app leased as database/creds/app/AbCdEf… for 30s (renewable)","name":"db","fetched":1,"total":2,"path":"database/creds/app","leaseId":"database/creds/app/AbCdEf…","seconds":30,"renewability":"renewable"}""",
        ]);
    }

    [Fact]
    public void Durations_are_seconds_times_are_utc_and_enums_snake_case()
    {
        var logger = _loggers.CreateLogger(CliLogging.LaunchCategory);

        CoreLog.Write(logger, "LeaseRenewed", "db", new ShortLeaseId("database/creds/app/x1"), TimeSpan.FromSeconds(90.5), new DateTimeOffset(2026, 11, 29, 13, 0, 0, TimeSpan.FromHours(1)));
        CoreLog.Write(logger, "RefetchFailed", "db", LeaseFailureKind.PermissionDenied, null, "403");

        Lines[0].ShouldEndWith("\"name\":\"db\",\"leaseId\":\"database/creds/app/x1\",\"granted\":90.5,\"expiresAt\":\"2026-11-29T12:00:00.000Z\"}");
        Lines[1].ShouldEndWith("\"name\":\"db\",\"failure\":\"permission_denied\",\"nextAttemptAt\":null,\"reason\":\"403\"}");
    }

    [Fact]
    public void Every_line_of_the_launch_fits_the_documented_schema()
    {
        var logger = _loggers.CreateLogger(CliLogging.LaunchCategory);
        CoreLog.Write(logger, "LaunchStarting", "1a2b3c4d", 2, 1);
        CoreLog.Write(logger, "VaultHealthy", new Uri("http://127.0.0.1:8200"), "unsealed, active", null);
        CoreLog.Write(logger, "LeaseActionScheduled", "db", null, RenewalAction.Reread, Now);
        CoreLog.Write(logger, "TokenRenewalFailed", RenewalAction.Renew, LeaseFailureKind.Sealed, RenewalAction.Reauthenticate, Now, "sealed");

        var schema = JsonEventSchema.Load();
        Lines.Length.ShouldBe(4);
        Lines.SelectMany(schema.Check).ShouldBeEmpty();
    }

    [Fact]
    public void The_vault_clients_and_docker_engines_events_are_prefixed_and_follow_their_own_level()
    {
        var vault = _loggers.CreateLogger("SecureLaunch.Vault.VaultClient");
        var docker = _loggers.CreateLogger("SecureLaunch.Docker.DockerEngine");

        vault.Log(LogLevel.Information, new EventId(12, "CircuitClosed"), "Vault at x answers again");
        vault.Log(LogLevel.Debug, new EventId(2, "Answered"), "left out below the library level");
        docker.Log(LogLevel.Warning, new EventId(21, "CreateWarning"), "daemon warning");

        Lines.Select(l => l[..l.IndexOf(",\"time\"", StringComparison.Ordinal)]).ShouldBe(["{\"event\":\"vault.circuit_closed\"", "{\"event\":\"docker.create_warning\""]);
    }

    [Fact]
    public void A_placeholder_named_like_a_fixed_field_is_left_to_the_message()
    {
        _loggers.CreateLogger(CliLogging.LaunchCategory).Log(LogLevel.Warning, new EventId(33, "Exited"), "exited; the daemon adds: {Message}", "oom");

        Lines.ShouldBe(["""{"event":"exited","time":"2026-11-29T11:47:44.123Z","level":"warning","message":"exited; the daemon adds: oom"}"""]);
    }
}
