using SecureLaunch.Core.Journal;

namespace SecureLaunch.Core.Tests.Journal;

/// <summary>Journals for tests, and a temporary journal directory deleted afterwards.</summary>
internal sealed class JournalSamples : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public JournalSamples() => Store = new JournalStore(Directory);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"securelaunch-journal-test-{Guid.NewGuid():N}", "launches");

    public JournalStore Store { get; }

    /// <summary>A launch of <paramref name="name"/> run by <paramref name="launcher"/> (default: a process that is not running).</summary>
    public static LaunchJournal Launch(string name = "hello", string launchId = "1a2b3c4d", LauncherProcess? launcher = null) => new()
    {
        Name = name,
        LaunchId = launchId,
        SpecFile = "/work/securelaunch.yaml",
        StartedAt = Start,
        UpdatedAt = Start,
        Launcher = launcher ?? Dead,
        Vault = new JournalVault { Address = "http://127.0.0.1:8200/", TokenAccessor = "8609694acdbcdb9bd345e782", TokenCreated = true },
        Secrets = [new JournalSecret { Name = "db", Path = "database/creds/app" }],
        Leases =
        [
            new JournalLease
            {
                LeaseId = "database/creds/app/AbCdEf123456", Secret = "db", Path = "database/creds/app", TtlSeconds = 30, Renewable = true,
                ObtainedAt = Start, ExpiresAt = Start.AddSeconds(30),
            },
        ],
        Containers = [new JournalResource("hello-web-1a2b3c4d", "0123456789abcdef")],
        FilesDirectory = "/dev/shm/securelaunch/1a2b3c4d",
    };

    /// <summary>A launcher that cannot be running: this process's pid with a start time it never had.</summary>
    public static LauncherProcess Dead => LauncherProcess.Current() with { StartTicks = -1, StartedAt = Start.AddYears(-10) };

    public void Dispose()
    {
        var root = Path.GetDirectoryName(Directory)!;
        if (System.IO.Directory.Exists(root))
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }
}
