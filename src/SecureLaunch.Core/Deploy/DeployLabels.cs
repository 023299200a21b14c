using SecureLaunch.Core.Launching;

namespace SecureLaunch.Core.Deploy;

/// <summary>
/// Labels on what <c>deploy</c> and the agent keep in the cluster. Everything in a label is readable by anyone with
/// access to the Docker API, so labels carry names, hashes, states and times, never a value or a token.
/// </summary>
public static class DeployLabels
{
    /// <summary>What the object is: one of the role constants below.</summary>
    public const string Role = "securelaunch.role";

    /// <summary>The agent's service.</summary>
    public const string AgentRole = "agent";

    /// <summary>The config holding the agent's public key.</summary>
    public const string AgentKeyRole = "agent-key";

    /// <summary>A sealed hand-off waiting for the agent.</summary>
    public const string HandoffRole = "handoff";

    /// <summary>The agent's answer to one hand-off.</summary>
    public const string ResultRole = "result";

    /// <summary>A launch's sealed state, one config per version.</summary>
    public const string StateRole = "state";

    public const string Name = LaunchLabels.Name;
    public const string Launch = LaunchLabels.Launch;
    public const string SpecHash = "securelaunch.spec-hash";
    public const string Kind = "securelaunch.kind";

    /// <summary>On a result: which hand-off (config id) it answers.</summary>
    public const string Handoff = "securelaunch.handoff";

    /// <summary>On a result: <c>converged</c>, <c>unchanged</c>, <c>removed</c> or <c>failed</c>.</summary>
    public const string Status = "securelaunch.status";

    /// <summary>On a result: what failed, in one line.</summary>
    public const string Reason = "securelaunch.reason";

    /// <summary>On a state: the agent instance acting on the launch.</summary>
    public const string Owner = "securelaunch.owner";

    /// <summary>On a state: when its owner last wrote it (Unix seconds); 0 when the owner let it go.</summary>
    public const string Heartbeat = "securelaunch.heartbeat";

    /// <summary>On a state: its version number.</summary>
    public const string Sequence = "securelaunch.seq";

    /// <summary>On the key config and the agent service: the fingerprint of the agent's public key.</summary>
    public const string KeyFingerprint = "securelaunch.agent-key";

    public static IReadOnlyDictionary<string, string> OfRole(string role) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [Role] = role };

    public static IReadOnlyDictionary<string, string> OfRole(string role, string name) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [Role] = role, [Name] = name };
}
