using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault.Policies;

/// <summary>
/// The merged rules of a token's policies, checked as Vault's ACL does: an exact rule first, then the most specific
/// glob or <c>+</c> rule; within one path deny wins over every grant. Root allows everything.
/// </summary>
internal sealed partial class Acl
{
    private readonly Dictionary<string, PathPermissions> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PathPermissions> _prefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PathPermissions> _segments = new(StringComparer.Ordinal);

    private Acl(bool isRoot) => IsRoot = isRoot;

    public bool IsRoot { get; }

    /// <summary>Builds the ACL of a set of policies; missing (deleted or never written) policies act as empty ones.</summary>
    public static Acl Build(IEnumerable<AclPolicy> policies)
    {
        var list = policies.ToList();
        var acl = new Acl(list.Any(p => p.Name == "root"));
        foreach (var rule in list.SelectMany(p => p.Rules))
        {
            var table = rule.HasSegmentWildcards ? acl._segments : rule.IsPrefix ? acl._prefix : acl._exact;
            if (table.TryGetValue(rule.Path, out var existing))
            {
                existing.Merge(rule.Permissions);
            }
            else
            {
                table[rule.Path] = rule.Permissions.Clone();
            }
        }

        return acl;
    }

    /// <summary>Checks one request. <paramref name="path"/> is the request path (LIST paths end with a slash).</summary>
    public AclDecision Check(AclOperation operation, string path, JsonObject data, TimeSpan? wrapTtl)
    {
        if (IsRoot)
        {
            return new AclDecision(true, true);
        }

        var permissions = Find(path.TrimStart('/'), operation == AclOperation.List);
        if (permissions is null)
        {
            return default;
        }

        var capabilities = permissions.Capabilities;
        var sudo = capabilities.HasFlag(Capability.Sudo);
        var needed = operation switch
        {
            AclOperation.Read => Capability.Read,
            AclOperation.List => Capability.List,
            AclOperation.Create => Capability.Create,
            AclOperation.Update => Capability.Update,
            AclOperation.Delete => Capability.Delete,
            _ => Capability.Patch,
        };
        if (capabilities.HasFlag(Capability.Deny) || !capabilities.HasFlag(needed) || !WrappingAllowed(permissions, wrapTtl))
        {
            return new AclDecision(false, sudo);
        }

        var checksParameters = operation is AclOperation.Read or AclOperation.Create or AclOperation.Update or AclOperation.Patch;
        return new AclDecision(!checksParameters || ParameterRules.Allow(permissions, data), sudo);
    }

    /// <summary>What <c>sys/capabilities-self</c> reports for a path (checked as a LIST would be, as Vault does).</summary>
    public List<string> CapabilitiesOn(string path)
    {
        if (IsRoot)
        {
            return ["root"];
        }

        return CapabilityNames.Describe(Find(path.TrimStart('/'), list: true)?.Capabilities ?? Capability.None);
    }

    private static bool WrappingAllowed(PathPermissions permissions, TimeSpan? wrapTtl)
    {
        if (permissions.MaxWrappingTtl > TimeSpan.Zero && (wrapTtl is null || wrapTtl > permissions.MaxWrappingTtl))
        {
            return false;
        }

        if (permissions.MinWrappingTtl > TimeSpan.Zero && (wrapTtl is null || wrapTtl < permissions.MinWrappingTtl))
        {
            return false;
        }

        return permissions.MinWrappingTtl == TimeSpan.Zero || permissions.MaxWrappingTtl == TimeSpan.Zero
            || permissions.MaxWrappingTtl >= permissions.MinWrappingTtl;
    }
}
