using System.Text.Json.Nodes;
using SecureLaunch.DevVault.State;

namespace SecureLaunch.DevVault.Policies;

/// <summary>
/// Named ACL policies. <c>root</c> is implicit and immutable; <c>default</c> exists from the start and cannot be deleted;
/// <c>response-wrapping</c> is internal (not listed, not assignable). Names are trimmed and lower-cased. Callers hold the state lock.
/// </summary>
internal sealed class PolicyStore : IPersistent
{
    private static readonly AclPolicy Root = new("root", string.Empty, []);

    private readonly Dictionary<string, AclPolicy> _policies = new(StringComparer.Ordinal);

    public PolicyStore() => Import(null);

    public string SnapshotKey => "policies";

    public static string Sanitize(string name) => name.Trim().ToLowerInvariant();

    public AclPolicy? Get(string name)
    {
        var key = Sanitize(name);
        return key == "root" ? Root : _policies.GetValueOrDefault(key);
    }

    public bool Exists(string name) => Get(name) is not null;

    public void Put(AclPolicy policy) => _policies[Sanitize(policy.Name)] = policy with { Name = Sanitize(policy.Name) };

    public bool Remove(string name) => _policies.Remove(Sanitize(name));

    /// <summary>Assignable policies sorted, then <c>root</c> last, as Vault lists them.</summary>
    public List<string> List() =>
        [.. _policies.Keys.Where(k => k != BuiltinPolicies.ResponseWrappingName).Order(StringComparer.Ordinal), "root"];

    /// <summary>The ACL of a token's policies; unknown names contribute nothing.</summary>
    public Acl AclFor(IEnumerable<string> names) => Acl.Build(names.Select(Get).OfType<AclPolicy>());

    public JsonNode Export()
    {
        var result = new JsonObject();
        foreach (var (name, policy) in _policies.Where(p => p.Key is not ("default" or BuiltinPolicies.ResponseWrappingName) || p.Value.Raw != BuiltinText(p.Key)))
        {
            result[name] = policy.Raw;
        }

        return result;
    }

    public void Import(JsonNode? data)
    {
        _policies.Clear();
        Put(PolicyParser.Parse("default", BuiltinPolicies.Default).Policy!);
        Put(PolicyParser.Parse(BuiltinPolicies.ResponseWrappingName, BuiltinPolicies.ResponseWrapping).Policy!);
        foreach (var (name, raw) in data as JsonObject ?? [])
        {
            if (raw?.GetValue<string>() is { } text && PolicyParser.Parse(name, text).Policy is { } policy)
            {
                Put(policy);
            }
        }
    }

    private static string BuiltinText(string name) => name == "default" ? BuiltinPolicies.Default : BuiltinPolicies.ResponseWrapping;
}
