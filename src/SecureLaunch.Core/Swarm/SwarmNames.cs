namespace SecureLaunch.Core.Swarm;

/// <summary>
/// Names of what a launch creates in Swarm. Each carries the launch (<c>&lt;name&gt;-&lt;launch id&gt;</c>), so
/// two launches of one spec never collide, and secrets carry a content hash, so each version has its own name.
/// </summary>
public static class SwarmNames
{
    /// <summary>Length of a launch id (hex).</summary>
    public const int LaunchIdLength = 8;

    /// <summary>Length of the content hash in a secret or config name (hex).</summary>
    public const int HashLength = 12;

    /// <summary>The entry name of a service's hidden env file, reserved in the spec.</summary>
    public const string EnvEntry = "sl-env";

    /// <summary><c>&lt;launch name&gt;-&lt;service&gt;-&lt;launch id&gt;</c>, as containers are named.</summary>
    public static string Service(string launchName, string service, string launchId) => $"{launchName}-{service}-{launchId}";

    /// <summary>How a service's secret is addressed within a launch, e.g. for rotation: <c>&lt;service&gt;.&lt;entry&gt;</c>.</summary>
    public static string Slot(string service, string entry) => $"{service}.{entry}";

    /// <summary><c>&lt;launch name&gt;-&lt;launch id&gt;_&lt;service&gt;.&lt;entry&gt;_&lt;content hash&gt;</c>.</summary>
    public static string Secret(string launchName, string launchId, string slot, string hash) => $"{launchName}-{launchId}_{slot}_{hash}";

    /// <summary>The config holding SecureLaunch's init: <c>&lt;launch name&gt;-&lt;launch id&gt;_sl-init_&lt;hash&gt;</c>.</summary>
    public static string InitConfig(string launchName, string launchId, string hash) => $"{launchName}-{launchId}_sl-init_{hash}";

    /// <summary>The length <see cref="Service"/> gives, to check against Swarm's 63 before anything starts.</summary>
    public static int ServiceLength(string launchName, string service) => launchName.Length + service.Length + LaunchIdLength + 2;

    /// <summary>The length <see cref="Secret"/> gives, to check against Swarm's 64 before anything starts.</summary>
    public static int SecretLength(string launchName, string slot) => launchName.Length + slot.Length + LaunchIdLength + HashLength + 3;

    /// <summary>An entry name: a letter or digit, then letters, digits, <c>-</c>, <c>_</c> or <c>.</c>, ending in a letter or digit.</summary>
    public static bool IsValidEntry(string entry) =>
        entry.Length > 0
        && char.IsAsciiLetterOrDigit(entry[0])
        && char.IsAsciiLetterOrDigit(entry[^1])
        && entry.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
