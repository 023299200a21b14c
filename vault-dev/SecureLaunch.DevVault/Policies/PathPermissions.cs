using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Policies;

/// <summary>What one path rule (or the merge of several rules on the same path) grants.</summary>
internal sealed class PathPermissions
{
    public Capability Capabilities { get; set; }

    /// <summary>Lower-cased parameter name -> allowed values (empty: any value); null when unrestricted.</summary>
    public Dictionary<string, List<JsonNode?>>? AllowedParameters { get; set; }

    public Dictionary<string, List<JsonNode?>>? DeniedParameters { get; set; }

    public List<string> RequiredParameters { get; set; } = [];

    public TimeSpan MinWrappingTtl { get; set; }

    public TimeSpan MaxWrappingTtl { get; set; }

    public PathPermissions Clone() => new()
    {
        Capabilities = Capabilities,
        AllowedParameters = AllowedParameters?.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal),
        DeniedParameters = DeniedParameters?.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal),
        RequiredParameters = [.. RequiredParameters],
        MinWrappingTtl = MinWrappingTtl,
        MaxWrappingTtl = MaxWrappingTtl,
    };

    /// <summary>Folds another policy's rule for the same path in, as Vault's <c>NewACL</c> does: deny wins, the rest is a union.</summary>
    public void Merge(PathPermissions other)
    {
        if (Capabilities.HasFlag(Capability.Deny))
        {
            return;
        }

        if (other.Capabilities.HasFlag(Capability.Deny))
        {
            Capabilities = Capability.Deny;
            AllowedParameters = null;
            DeniedParameters = null;
            return;
        }

        Capabilities |= other.Capabilities;
        MaxWrappingTtl = Lesser(MaxWrappingTtl, other.MaxWrappingTtl);
        MinWrappingTtl = Lesser(MinWrappingTtl, other.MinWrappingTtl);
        AllowedParameters = MergeParameters(AllowedParameters, other.AllowedParameters);
        DeniedParameters = MergeParameters(DeniedParameters, other.DeniedParameters);
        foreach (var required in other.RequiredParameters.Where(r => !RequiredParameters.Contains(r)))
        {
            RequiredParameters.Add(required);
        }
    }

    private static TimeSpan Lesser(TimeSpan mine, TimeSpan theirs) =>
        theirs > TimeSpan.Zero && (mine == TimeSpan.Zero || theirs < mine) ? theirs : mine;

    /// <summary>An empty value list (any value) on either side wins; otherwise the value lists are concatenated.</summary>
    private static Dictionary<string, List<JsonNode?>>? MergeParameters(Dictionary<string, List<JsonNode?>>? mine, Dictionary<string, List<JsonNode?>>? theirs)
    {
        if (theirs is null || theirs.Count == 0)
        {
            return mine;
        }

        mine ??= new Dictionary<string, List<JsonNode?>>(StringComparer.Ordinal);
        foreach (var (key, values) in theirs)
        {
            var had = mine.TryGetValue(key, out var existing);
            mine[key] = values.Count == 0 || (had && existing!.Count == 0) ? [] : [.. values, .. existing ?? []];
        }

        return mine;
    }
}
