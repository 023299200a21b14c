using SecureLaunch.Core.Launching;

namespace SecureLaunch.Core.Swarm;

/// <summary>The labels on what a launch creates in Swarm, beside <see cref="LaunchLabels"/>'s launch and name.</summary>
public static class SwarmLabels
{
    public const string Service = "securelaunch.service";

    /// <summary>On a secret: its slot (<c>&lt;service&gt;.&lt;entry&gt;</c>).</summary>
    public const string Secret = "securelaunch.secret";

    /// <summary>On a secret: the keyed hash of its content, which is also the end of its name.</summary>
    public const string ContentHash = "securelaunch.hash";

    /// <summary>Everything of the launch, whatever it is.</summary>
    public static IReadOnlyDictionary<string, string> ForLaunch(string launchId) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [LaunchLabels.Launch] = launchId };

    /// <summary>What belongs to the launch as a whole, such as the init's config.</summary>
    public static IReadOnlyDictionary<string, string> ForLaunch(string launchId, string launchName) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [LaunchLabels.Launch] = launchId, [LaunchLabels.Name] = launchName };

    public static IReadOnlyDictionary<string, string> ForService(string launchId, string launchName, string service) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LaunchLabels.Launch] = launchId,
            [LaunchLabels.Name] = launchName,
            [Service] = service,
        };

    public static IReadOnlyDictionary<string, string> ForSecret(string launchId, string launchName, string slot, string hash) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LaunchLabels.Launch] = launchId,
            [LaunchLabels.Name] = launchName,
            [Secret] = slot,
            [ContentHash] = hash,
        };
}
