using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SecureLaunch.Core.Journal;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.Vault;
using SecureLaunch.Vault.Secrets;
using Shouldly;

namespace SecureLaunch.Core.Tests.Journal;

public sealed class JournalWriterTests : IDisposable
{
    private const string LeaseId = "database/creds/app/AbCdEf123456";
    private readonly JournalSamples _samples = new();
    private readonly FakeTimeProvider _clock = new(JournalSamples.Start);

    [Fact]
    public void Every_change_is_on_disk_at_once()
    {
        var writer = Claim();

        writer.AddContainer("hello-web-1a2b3c4d", "c1");
        writer.SetToken("accessor-1", created: true);
        writer.SetFilesDirectory("/dev/shm/securelaunch/1a2b3c4d");
        writer.LeaseRecorded("db", new VaultLease(LeaseId, TimeSpan.FromSeconds(30), true, JournalSamples.Start));

        var onDisk = _samples.Store.Read("hello").ShouldNotBeNull();
        onDisk.Containers.ShouldBe([new JournalResource("hello-web-1a2b3c4d", "c1")]);
        onDisk.Vault.TokenAccessor.ShouldBe("accessor-1");
        onDisk.Vault.TokenCreated.ShouldBeTrue();
        onDisk.FilesDirectory.ShouldBe("/dev/shm/securelaunch/1a2b3c4d");
        var lease = onDisk.Leases.ShouldHaveSingleItem();
        (lease.LeaseId, lease.Secret, lease.Path, lease.TtlSeconds, lease.ExpiresAt).ShouldBe((LeaseId, "db", "database/creds/app", 30L, JournalSamples.Start.AddSeconds(30)));
    }

    [Fact]
    public void Renewal_events_give_status_its_last_renewal_next_action_last_error_and_rotations()
    {
        var writer = Claim();
        writer.LeaseRecorded("db", new VaultLease(LeaseId, TimeSpan.FromSeconds(30), true, JournalSamples.Start));
        var id = new ShortLeaseId(LeaseId);
        var at = JournalSamples.Start.AddSeconds(21);

        writer.Apply(new LeaseRenewalFailed("db", at, id, LeaseFailureKind.Unreachable, at.AddSeconds(9), at.AddSeconds(8), "connection refused"));
        var failed = _samples.Store.Read("hello")!.Leases.Single();
        writer.Apply(new LeaseRenewed("db", at.AddSeconds(8), id, TimeSpan.FromSeconds(30), at.AddSeconds(38)));
        writer.Apply(new LeaseScheduled("db", at.AddSeconds(8), id, RenewalAction.Renew, at.AddSeconds(29), null));
        writer.Apply(new SecretRefetched("db", at.AddSeconds(40), id, id, at.AddSeconds(70)));

        failed.LastError.ShouldBe("unreachable: connection refused");
        failed.NextDueAt.ShouldBe(at.AddSeconds(8));
        var journal = _samples.Store.Read("hello")!;
        var lease = journal.Leases.Single();
        lease.LastError.ShouldBeNull();
        lease.LastRenewedAt.ShouldBe(at.AddSeconds(8));
        lease.ExpiresAt.ShouldBe(at.AddSeconds(38));
        lease.NextAction.ShouldBe("renew");
        lease.NextDueAt.ShouldBe(at.AddSeconds(29));
        journal.Secrets.Single().Rotations.ShouldBe(1);
        journal.UpdatedAt.ShouldBe(JournalSamples.Start);
    }

    [Fact]
    public void A_forgotten_lease_leaves_the_journal()
    {
        var writer = Claim();
        writer.LeaseRecorded("db", new VaultLease(LeaseId, TimeSpan.FromSeconds(30), true, JournalSamples.Start));

        writer.LeaseForgotten(LeaseId);

        _samples.Store.Read("hello")!.Leases.ShouldBeEmpty();
    }

    [Fact]
    public void Fingerprints_change_with_the_content_but_are_keyed_per_launch_and_never_a_plain_hash()
    {
        var first = Claim();
        var fields = new[] { KeyValuePair.Create("password", "1234") };

        first.SetFingerprints([("db", fields)]);
        var fingerprint = first.Current.Secrets.Single().Fingerprint!;
        first.SetFingerprints([("db", fields)]);
        var same = first.Current.Secrets.Single().Fingerprint;
        first.SetFingerprints([("db", [KeyValuePair.Create("password", "1235")])]);
        var changed = first.Current.Secrets.Single().Fingerprint;
        _samples.Store.Delete("hello");
        var second = Claim();
        second.SetFingerprints([("db", fields)]);

        fingerprint.ShouldStartWith("hmac-sha256:");
        same.ShouldBe(fingerprint);
        changed.ShouldNotBe(fingerprint);
        second.Current.Secrets.Single().Fingerprint.ShouldNotBe(fingerprint);
        var text = File.ReadAllText(_samples.Store.PathOf("hello"));
        text.ShouldNotContain("1234");
        foreach (var plain in new[] { "1234", "password\u00001234\u0000" })
        {
            text.ShouldNotContain(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)))[..16]);
        }
    }

    [Fact]
    public void Closing_with_nothing_left_deletes_the_journal()
    {
        var writer = Claim();
        writer.AddContainer("hello-web-1a2b3c4d", "c1");
        writer.RemoveContainer("c1");

        writer.Close([]).ShouldBeNull();

        File.Exists(_samples.Store.PathOf("hello")).ShouldBeFalse();
    }

    [Fact]
    public void Closing_with_leftovers_keeps_the_journal_as_incomplete_and_writes_nothing_after()
    {
        var writer = Claim();
        writer.AddContainer("hello-web-1a2b3c4d", "c1");

        writer.Close(["container hello-web-1a2b3c4d: not removed: engine gone"]).ShouldBe(JournalState.Incomplete);
        writer.AddContainer("late", "c2");

        var kept = _samples.Store.Read("hello")!;
        kept.State.ShouldBe(JournalState.Incomplete);
        kept.Leftovers.ShouldBe(["container hello-web-1a2b3c4d: not removed: engine gone"]);
        kept.Containers.Select(c => c.Id).ShouldBe(["c1"]);
    }

    [Fact]
    public void Closing_a_no_revoke_launch_keeps_its_leases_in_an_ended_journal()
    {
        var writer = Claim(revokeOnExit: false);
        writer.LeaseRecorded("db", new VaultLease(LeaseId, TimeSpan.FromSeconds(30), true, JournalSamples.Start));

        writer.Close([]).ShouldBe(JournalState.Ended);

        var kept = _samples.Store.Read("hello")!;
        kept.State.ShouldBe(JournalState.Ended);
        kept.RevokeOnExit.ShouldBeFalse();
        kept.Leases.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Follow_applies_events_until_the_channel_completes()
    {
        var writer = Claim();
        writer.SetFingerprints([("db", [KeyValuePair.Create("password", "x")])]);
        var channel = System.Threading.Channels.Channel.CreateUnbounded<LeaseEvent>();
        var following = writer.FollowAsync(channel.Reader, TestContext.Current.CancellationToken);

        channel.Writer.TryWrite(new SecretRefetched("db", JournalSamples.Start, null, null, null));
        channel.Writer.TryWrite(new SecretRefetched("db", JournalSamples.Start, null, null, null));
        channel.Writer.Complete();
        await following;

        _samples.Store.Read("hello")!.Secrets.Single().Rotations.ShouldBe(2);
    }

    public void Dispose() => _samples.Dispose();

    private JournalWriter Claim(bool revokeOnExit = true) => JournalWriter.Claim(
        _samples.Store,
        JournalSamples.Launch(launcher: LauncherProcess.Current()) with { Leases = [], Containers = [], FilesDirectory = null, Vault = new JournalVault { Address = "http://127.0.0.1:8200/" }, RevokeOnExit = revokeOnExit },
        _clock,
        NullLogger.Instance);
}
