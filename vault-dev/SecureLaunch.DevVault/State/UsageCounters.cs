using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.State;

/// <summary>The counters behind <see cref="DevVaultCounters"/>. Callers hold <see cref="DevVaultState.Sync"/>.</summary>
internal sealed class UsageCounters
{
    private readonly Dictionary<string, long> _logins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _renewals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _revocations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _issued = new(StringComparer.Ordinal);

    public void Login(string method) => Bump(_logins, method);

    public void Renewal(string kind) => Bump(_renewals, kind);

    public void Revocation(string kind) => Bump(_revocations, kind);

    public void Issued(string kind) => Bump(_issued, kind);

    public void Reset()
    {
        _logins.Clear();
        _renewals.Clear();
        _revocations.Clear();
        _issued.Clear();
    }

    public DevVaultCounters Snapshot() => new()
    {
        Logins = new Dictionary<string, long>(_logins, StringComparer.Ordinal),
        Renewals = new Dictionary<string, long>(_renewals, StringComparer.Ordinal),
        Revocations = new Dictionary<string, long>(_revocations, StringComparer.Ordinal),
        CredentialsIssued = new Dictionary<string, long>(_issued, StringComparer.Ordinal),
    };

    /// <summary>The control endpoint's JSON: <c>{"logins":{...},"renewals":{...},"revocations":{...},"credentials_issued":{...}}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["logins"] = Map(_logins),
        ["renewals"] = Map(_renewals),
        ["revocations"] = Map(_revocations),
        ["credentials_issued"] = Map(_issued),
    };

    private static JsonObject Map(Dictionary<string, long> counts)
    {
        var json = new JsonObject();
        foreach (var (kind, count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json[kind] = count;
        }

        return json;
    }

    private static void Bump(Dictionary<string, long> counts, string kind) => counts[kind] = counts.GetValueOrDefault(kind) + 1;
}
