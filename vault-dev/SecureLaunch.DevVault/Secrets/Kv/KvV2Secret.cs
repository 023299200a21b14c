namespace SecureLaunch.DevVault.Secrets.Kv;

/// <summary>A KV v2 key: its metadata and the versions still kept.</summary>
internal sealed class KvV2Secret
{
    public const int DefaultMaxVersions = 10;

    public SortedDictionary<int, KvV2Version> Versions { get; } = [];

    public int CurrentVersion { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyDictionary<string, string>? CustomMetadata { get; set; }

    public int MaxVersions { get; set; }

    public bool CasRequired { get; set; }

    public string DeleteVersionAfter { get; set; } = "0s";

    /// <summary>The oldest version kept once pruning has dropped some; 0 until then, as Vault reports it.</summary>
    public int OldestVersion { get; set; }

    /// <summary>Drops the oldest versions past the key's (or the engine's) limit.</summary>
    public void Prune(int engineMaxVersions)
    {
        var limit = MaxVersions > 0 ? MaxVersions : engineMaxVersions > 0 ? engineMaxVersions : DefaultMaxVersions;
        while (Versions.Count > limit)
        {
            Versions.Remove(Versions.Keys.First());
            OldestVersion = Versions.Keys.First();
        }
    }
}
