using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using SecureLaunch.Core.Diagnostics.Metrics;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Core.Rotation;
using SecureLaunch.Core.Rotation.Events;
using SecureLaunch.Vault;
using Shouldly;

namespace SecureLaunch.Core.Tests.Diagnostics.Metrics;

public sealed partial class LaunchMetricsTests
{
    private const string FullLeaseId = "database/creds/app/q9X2mZr7TtB4kLw8Vn3Hs6Pd";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ShortLeaseId Lease = new(FullLeaseId);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly List<LeaseView> _leases = [];

    private static readonly SupervisedSecret[] Secrets =
    [
        new("db", Leased: true, Mints: true),
        new("stripe", Leased: false, Mints: false),
        new("cert", Leased: false, Mints: true),
    ];

    [Fact]
    public void Before_any_event_every_family_is_written_and_the_counters_without_labels_are_at_zero()
    {
        var scrape = new LaunchMetrics(_time).Scrape();

        foreach (var name in FamilyNames)
        {
            scrape.ShouldContain($"# TYPE {name} {(name.EndsWith("_total", StringComparison.Ordinal) ? "counter" : "gauge")}\n");
            scrape.ShouldContain($"# HELP {name} ");
        }

        Samples(scrape).ShouldBe(new Dictionary<string, double>
        {
            ["securelaunch_token_renewals_total"] = 0,
            ["securelaunch_token_reauthentications_total"] = 0,
        });
    }

    [Fact]
    public void Supervision_start_counts_the_credentials_first_minted_and_starts_each_secrets_series_at_zero()
    {
        var metrics = Started();

        var samples = Samples(metrics.Scrape());

        samples["securelaunch_credentials_minted_total{secret=\"db\"}"].ShouldBe(1);
        samples["securelaunch_credentials_minted_total{secret=\"cert\"}"].ShouldBe(1);
        samples.ShouldNotContainKey("securelaunch_credentials_minted_total{secret=\"stripe\"}", "a KV read mints nothing");
        samples["securelaunch_lease_renewals_total{secret=\"db\"}"].ShouldBe(0);
        samples.Keys.Count(k => k.StartsWith("securelaunch_lease_renewals_total", StringComparison.Ordinal)).ShouldBe(1, "only db has a lease");
        samples["securelaunch_secret_refetches_total{secret=\"stripe\"}"].ShouldBe(0);
    }

    [Fact]
    public void Lease_events_count_renewals_failures_by_kind_lost_leases_by_reason_and_refetches_with_what_they_minted()
    {
        var metrics = Started();

        metrics.OnLeaseEvent(new LeaseRenewed("db", Start, Lease, TimeSpan.FromMinutes(1), Start.AddMinutes(1)));
        metrics.OnLeaseEvent(new LeaseRenewed("db", Start, Lease, TimeSpan.FromMinutes(1), Start.AddMinutes(2)));
        metrics.OnLeaseEvent(new LeaseRenewalFailed("db", Start, Lease, LeaseFailureKind.PermissionDenied, Start.AddMinutes(2), null, "403"));
        metrics.OnLeaseEvent(new LeaseLost("db", Start, Lease, RefetchReason.LeaseInvalid));
        metrics.OnLeaseEvent(new RefetchRequested("db", Start, RefetchReason.LeaseInvalid, Lease));
        metrics.OnLeaseEvent(new RefetchFailed("db", Start, LeaseFailureKind.Sealed, Start.AddSeconds(10), "sealed"));
        metrics.OnLeaseEvent(new SecretRefetched("db", Start, Lease, new ShortLeaseId("database/creds/app/other"), Start.AddMinutes(3)));
        metrics.OnLeaseEvent(new SecretRefetched("stripe", Start, null, null, null));
        metrics.OnLeaseEvent(new SecretRefetched("cert", Start, null, null, null));

        var samples = Samples(metrics.Scrape());
        samples["securelaunch_lease_renewals_total{secret=\"db\"}"].ShouldBe(2);
        samples["securelaunch_lease_renewal_failures_total{secret=\"db\",kind=\"permission_denied\"}"].ShouldBe(1);
        samples["securelaunch_leases_lost_total{secret=\"db\",reason=\"lease_invalid\"}"].ShouldBe(1);
        samples["securelaunch_secret_refetch_failures_total{secret=\"db\",kind=\"sealed\"}"].ShouldBe(1);
        samples["securelaunch_secret_refetches_total{secret=\"db\"}"].ShouldBe(1);
        samples["securelaunch_secret_refetches_total{secret=\"stripe\"}"].ShouldBe(1);
        samples["securelaunch_credentials_minted_total{secret=\"db\"}"].ShouldBe(2);
        samples["securelaunch_credentials_minted_total{secret=\"cert\"}"].ShouldBe(2, "a re-read of a non-KV secret mints, lease or not");
        samples.ShouldNotContainKey("securelaunch_credentials_minted_total{secret=\"stripe\"}");
    }

    [Fact]
    public void Without_a_supervision_start_a_refetch_that_brought_a_lease_still_counts_as_minted()
    {
        var metrics = new LaunchMetrics(_time);

        metrics.OnLeaseEvent(new SecretRefetched("db", Start, Lease, new ShortLeaseId("database/creds/app/other"), Start.AddMinutes(3)));
        metrics.OnLeaseEvent(new SecretRefetched("kv", Start, null, null, null));

        var samples = Samples(metrics.Scrape());
        samples["securelaunch_credentials_minted_total{secret=\"db\"}"].ShouldBe(1);
        samples.ShouldNotContainKey("securelaunch_credentials_minted_total{secret=\"kv\"}");
    }

    [Fact]
    public void Token_events_count_renewals_logins_and_failures_by_action_and_kind()
    {
        var metrics = Started();

        metrics.OnTokenEvent(new TokenScheduled(Start, RenewalAction.Renew, Start.AddMinutes(1)));
        metrics.OnTokenEvent(new TokenRenewed(Start, TimeSpan.FromHours(1), Start.AddHours(1)));
        metrics.OnTokenEvent(new TokenRenewalFailed(Start, RenewalAction.Renew, LeaseFailureKind.Unreachable, RenewalAction.Renew, Start.AddSeconds(10), "refused"));
        metrics.OnTokenEvent(new TokenReauthenticated(Start, TimeSpan.FromHours(1), Start.AddHours(1), Start.AddMinutes(5)));

        var samples = Samples(metrics.Scrape());
        samples["securelaunch_token_renewals_total"].ShouldBe(1);
        samples["securelaunch_token_reauthentications_total"].ShouldBe(1);
        samples["securelaunch_token_renewal_failures_total{action=\"renew\",kind=\"unreachable\"}"].ShouldBe(1);
    }

    [Fact]
    public void Rotation_events_count_changes_actions_done_and_failed_and_restarts_apart()
    {
        var metrics = Started();

        metrics.OnRotationEvent(new SecretChanged("db", Start, ["container web"]));
        metrics.OnRotationEvent(new SecretUnchanged("stripe", Start));
        metrics.OnRotationEvent(new RotationScheduled("container web", Start, ConsumerAction.Restart, Start.AddSeconds(5), ["db"]));
        metrics.OnRotationEvent(new RotationApplied("container web", Start, ConsumerAction.Restart, ["db"]));
        metrics.OnRotationEvent(new RotationApplied("container worker", Start, ConsumerAction.SendSignal("SIGHUP"), ["db"]));
        metrics.OnRotationEvent(new RotationFailed("container worker", Start, ConsumerAction.File, ["db"], "disk full"));

        var samples = Samples(metrics.Scrape());
        samples["securelaunch_secret_changes_total{secret=\"db\"}"].ShouldBe(1);
        samples.ShouldNotContainKey("securelaunch_secret_changes_total{secret=\"stripe\"}");
        samples["securelaunch_rotations_total{target=\"container web\",action=\"restart\"}"].ShouldBe(1);
        samples["securelaunch_rotations_total{target=\"container worker\",action=\"signal\"}"].ShouldBe(1);
        samples["securelaunch_rotation_failures_total{target=\"container worker\",action=\"file\"}"].ShouldBe(1);
        samples["securelaunch_rotation_restarts_total{target=\"container web\"}"].ShouldBe(1);
        samples.ShouldNotContainKey("securelaunch_rotation_restarts_total{target=\"container worker\"}");
    }

    [Fact]
    public void The_seconds_a_lease_has_left_are_measured_at_scrape_time_on_the_injected_clock()
    {
        var metrics = Started();
        _leases.Add(View("db", LeaseStatus.Healthy, Start.AddSeconds(90)));
        _leases.Add(View("stripe", LeaseStatus.Healthy, null));
        _leases.Add(View("old", LeaseStatus.Revoked, Start.AddSeconds(90)));

        var first = Samples(metrics.Scrape());
        _time.Advance(TimeSpan.FromSeconds(30.5));
        var later = Samples(metrics.Scrape());
        _time.Advance(TimeSpan.FromSeconds(70));
        var expired = Samples(metrics.Scrape());

        first["securelaunch_lease_expiry_seconds{secret=\"db\"}"].ShouldBe(90);
        later["securelaunch_lease_expiry_seconds{secret=\"db\"}"].ShouldBe(59.5);
        expired["securelaunch_lease_expiry_seconds{secret=\"db\"}"].ShouldBe(-10.5);
        first.Keys.Count(k => k.StartsWith("securelaunch_lease_expiry_seconds", StringComparison.Ordinal)).ShouldBe(1, "no KV secret, no revoked lease");
    }

    [Fact]
    public void No_lease_id_nor_failure_message_reaches_the_scrape()
    {
        var metrics = Started();
        _leases.Add(View("db", LeaseStatus.Backoff, Start.AddSeconds(90)));
        const string Message = "permission denied reading password=hunter2-s3cr3t";

        metrics.OnLeaseEvent(new LeaseRenewalFailed("db", Start, Lease, LeaseFailureKind.Rejected, Start.AddMinutes(1), null, Message));
        metrics.OnLeaseEvent(new RefetchFailed("db", Start, LeaseFailureKind.Unexpected, null, Message));
        metrics.OnRotationEvent(new RotationFailed("container web", Start, ConsumerAction.Restart, ["db"], Message));
        var scrape = metrics.Scrape();

        scrape.ShouldNotContain("q9X2mZ");
        scrape.ShouldNotContain("hunter2");
        scrape.ShouldNotContain("database/creds");
    }

    [Fact]
    public void Every_line_of_a_scrape_follows_the_exposition_format_and_each_family_is_typed_before_its_samples()
    {
        var metrics = Started();
        _leases.Add(View("db", LeaseStatus.Healthy, Start.AddSeconds(90)));
        metrics.OnLeaseEvent(new LeaseRenewalFailed("db", Start, Lease, LeaseFailureKind.Standby, Start.AddMinutes(1), null, "standby"));
        metrics.OnRotationEvent(new RotationApplied("container \"odd\" \\ name", Start, ConsumerAction.File, ["db"]));

        var lines = metrics.Scrape().Split('\n');

        lines[^1].ShouldBeEmpty("the text ends with a line feed");
        var typed = new List<string>();
        foreach (var line in lines[..^1])
        {
            if (TypeLine().Match(line) is { Success: true } type)
            {
                typed.ShouldNotContain(type.Groups[1].Value, "one TYPE line per family");
                typed.Add(type.Groups[1].Value);
            }
            else if (!HelpLine().IsMatch(line))
            {
                var sample = SampleLine().Match(line);
                sample.Success.ShouldBeTrue(line);
                typed.LastOrDefault().ShouldBe(sample.Groups[1].Value, "a sample follows its family's TYPE line");
            }
        }

        typed.ShouldBe(FamilyNames, ignoreOrder: true);
    }

    [Fact]
    public async Task Counts_from_several_threads_at_once_are_all_kept()
    {
        var metrics = Started();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                metrics.OnLeaseEvent(new LeaseRenewed("db", Start, Lease, TimeSpan.FromMinutes(1), Start.AddMinutes(1)));
                metrics.OnTokenEvent(new TokenRenewed(Start, TimeSpan.FromHours(1), null));
                _ = metrics.Scrape();
            }
        }, TestContext.Current.CancellationToken)));

        var samples = Samples(metrics.Scrape());
        samples["securelaunch_lease_renewals_total{secret=\"db\"}"].ShouldBe(4000);
        samples["securelaunch_token_renewals_total"].ShouldBe(4000);
    }

    private static readonly string[] FamilyNames =
    [
        "securelaunch_lease_renewals_total", "securelaunch_lease_renewal_failures_total", "securelaunch_leases_lost_total",
        "securelaunch_secret_refetches_total", "securelaunch_secret_refetch_failures_total", "securelaunch_credentials_minted_total",
        "securelaunch_secret_changes_total", "securelaunch_rotations_total", "securelaunch_rotation_failures_total",
        "securelaunch_rotation_restarts_total", "securelaunch_token_renewals_total", "securelaunch_token_reauthentications_total",
        "securelaunch_token_renewal_failures_total", "securelaunch_lease_expiry_seconds",
    ];

    private LaunchMetrics Started()
    {
        var metrics = new LaunchMetrics(_time);
        metrics.OnSupervisionStarted(new SupervisionStarted(Start, Secrets, () => [.. _leases]));
        return metrics;
    }

    private static LeaseView View(string secret, LeaseStatus status, DateTimeOffset? expiresAt) =>
        new(secret, expiresAt is null ? null : Lease, status, expiresAt, null, null, null, null);

    /// <summary>Every sample line as <c>name{labels}</c> to its value.</summary>
    private static Dictionary<string, double> Samples(string scrape) =>
        scrape.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split(' '))
            .ToDictionary(p => string.Join(' ', p[..^1]), p => double.Parse(p[^1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    [GeneratedRegex("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex("^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .+$")]
    private static partial Regex HelpLine();

    // name{label="value with \\ \" \n escaped",...} value
    [GeneratedRegex("""^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")*\})? (-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|NaN|[+-]Inf)$""")]
    private static partial Regex SampleLine();
}
