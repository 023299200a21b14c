namespace SecureLaunch.DevVault.Policies;

/// <summary>Policy capabilities, with Vault's bit values.</summary>
[Flags]
internal enum Capability
{
    None = 0,
    Deny = 1,
    Create = 2,
    Read = 4,
    Update = 8,
    Delete = 16,
    List = 32,
    Sudo = 64,
    Patch = 128,
}

/// <summary>Capability names as policies and <c>sys/capabilities-self</c> spell them.</summary>
internal static class CapabilityNames
{
    /// <summary>The order Vault lists a path's capabilities in before sorting them.</summary>
    private static readonly (Capability Flag, string Name)[] Ordered =
    [
        (Capability.Sudo, "sudo"),
        (Capability.Read, "read"),
        (Capability.List, "list"),
        (Capability.Update, "update"),
        (Capability.Delete, "delete"),
        (Capability.Create, "create"),
        (Capability.Patch, "patch"),
    ];

    public static Capability? Parse(string name) => name switch
    {
        "deny" => Capability.Deny,
        "create" => Capability.Create,
        "read" => Capability.Read,
        "update" => Capability.Update,
        "delete" => Capability.Delete,
        "list" => Capability.List,
        "sudo" => Capability.Sudo,
        "patch" => Capability.Patch,
        _ => null,
    };

    /// <summary>Sorted names; <c>deny</c> alone when denied or when nothing is granted.</summary>
    public static List<string> Describe(Capability capabilities)
    {
        if (capabilities.HasFlag(Capability.Deny))
        {
            return ["deny"];
        }

        var names = Ordered.Where(c => capabilities.HasFlag(c.Flag)).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? ["deny"] : names;
    }
}
