using System.Text;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Leases;

namespace SecureLaunch.Core.Diagnostics.Metrics;

/// <summary>
/// A launch's metrics, counted from what it raises (as its <see cref="LaunchContext.Observer"/>) and written in the
/// Prometheus text format on demand: renewals and their failures, re-fetches, credentials minted, rotations and the
/// restarts they caused, token renewals and logins, and the seconds each lease has left (docs/metrics.md).
/// </summary>
/// <remarks>
/// Labels hold spec names (secrets, <c>container web</c>), failure kinds and actions only: never a value, a token or a
/// lease id. Safe for concurrent use: events arrive from several loops while a scrape reads.
/// </remarks>
public sealed partial class LaunchMetrics : ILaunchObserver
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _minting = new(StringComparer.Ordinal);
    private Func<IReadOnlyList<LeaseView>>? _leases;

    private readonly CounterFamily _renewals = new("securelaunch_lease_renewals_total", "Lease renewals Vault granted.", "secret");
    private readonly CounterFamily _renewalFailures = new(
        "securelaunch_lease_renewal_failures_total", "Lease renewals that failed, by kind of failure; the credentials are kept until they expire unless the lease is invalid.", "secret", "kind");
    private readonly CounterFamily _leasesLost = new(
        "securelaunch_leases_lost_total", "Leases whose credentials stopped working (expired, unknown to Vault, or their token died) before a new one arrived.", "secret", "reason");
    private readonly CounterFamily _refetches = new(
        "securelaunch_secret_refetches_total", "Secrets read again after their first fetch: a new credential for a lease that could not be kept, or a KV re-read.", "secret");
    private readonly CounterFamily _refetchFailures = new("securelaunch_secret_refetch_failures_total", "Attempts to read a secret again that failed, by kind of failure.", "secret", "kind");
    private readonly CounterFamily _minted = new(
        "securelaunch_credentials_minted_total", "Credentials Vault issued for a secret (any engine but KV), the first fetch included.", "secret");
    private readonly CounterFamily _changes = new("securelaunch_secret_changes_total", "Re-reads whose content differed from what the consumers had.", "secret");
    private readonly CounterFamily _rotations = new(
        "securelaunch_rotations_total", "Rotation actions done on a consumer (file, signal, restart; Swarm services roll on any).", "target", "action");
    private readonly CounterFamily _rotationFailures = new("securelaunch_rotation_failures_total", "Rotation actions that failed on a consumer.", "target", "action");
    private readonly CounterFamily _rotationRestarts = new(
        "securelaunch_rotation_restarts_total", "Restarts of a consumer that rotation caused (rotate: restart), not those of its restart policy.", "target");
    private readonly CounterFamily _tokenRenewals = new("securelaunch_token_renewals_total", "Renewals of the launch's Vault token.");
    private readonly CounterFamily _tokenLogins = new(
        "securelaunch_token_reauthentications_total", "Logins again that replaced the launch's Vault token before it expired.");
    private readonly CounterFamily _tokenFailures = new(
        "securelaunch_token_renewal_failures_total", "Token renewals or logins again that failed, by what was attempted and kind of failure.", "action", "kind");

    /// <summary>The seconds-left gauge's name; its samples are computed at scrape time.</summary>
    private const string ExpiryName = "securelaunch_lease_expiry_seconds";

    private const string ExpiryHelp = "Seconds until the credentials of the secret's current lease expire (negative once expired), at scrape time.";

    /// <param name="time">The clock the seconds left are measured on; null for the system clock.</param>
    public LaunchMetrics(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <summary>What <see cref="Scrape"/>'s text is, for the <c>Content-Type</c> header.</summary>
    public static string ContentType => PrometheusText.ContentType;

    /// <summary>Every metric, now, in the Prometheus text exposition format 0.0.4.</summary>
    public string Scrape()
    {
        var text = new StringBuilder(4096);
        using (var writer = new StringWriter(text, System.Globalization.CultureInfo.InvariantCulture))
        {
            WriteTo(writer);
        }

        return text.ToString();
    }

    /// <summary>Writes every metric, now, in the Prometheus text exposition format 0.0.4.</summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var family in Families)
        {
            family.WriteTo(writer);
        }

        WriteExpiry(writer);
    }

    private CounterFamily[] Families =>
    [
        _renewals, _renewalFailures, _leasesLost, _refetches, _refetchFailures, _minted, _changes,
        _rotations, _rotationFailures, _rotationRestarts, _tokenRenewals, _tokenLogins, _tokenFailures,
    ];

    private void WriteExpiry(TextWriter writer)
    {
        Func<IReadOnlyList<LeaseView>>? leases;
        lock (_gate)
        {
            leases = _leases;
        }

        var now = _time.GetUtcNow();
        var samples = (leases?.Invoke() ?? [])
            .Where(l => l.ExpiresAt is not null && l.Status != LeaseStatus.Revoked)
            .OrderBy(l => l.SecretName, StringComparer.Ordinal)
            .Select(l => (l.SecretName, Seconds: Math.Round((l.ExpiresAt!.Value - now).TotalSeconds, 3)))
            .ToList();
        PrometheusText.WriteHeader(writer, ExpiryName, ExpiryHelp, "gauge");
        foreach (var (secret, seconds) in samples)
        {
            PrometheusText.WriteSample(writer, ExpiryName, ["secret"], [secret], seconds);
        }
    }
}
