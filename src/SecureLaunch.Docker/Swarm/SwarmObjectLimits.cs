namespace SecureLaunch.Docker.Swarm;

/// <summary>The sizes swarmkit accepts for the data of secrets and configs (checked by the daemon on create).</summary>
public static class SwarmObjectLimits
{
    /// <summary>A secret's data must be non-empty and shorter than 500 KiB: at most 511999 bytes.</summary>
    public const int MaxSecretBytes = (500 * 1024) - 1;

    /// <summary>A config's data must be non-empty and shorter than 1000 KiB: at most 1023999 bytes.</summary>
    public const int MaxConfigBytes = (1000 * 1024) - 1;

    /// <summary>Secret and config names: 1 to 64 of <c>[a-zA-Z0-9-_.]</c>, starting and ending with a letter or digit.</summary>
    public const int MaxObjectNameLength = 64;

    /// <summary>Service names: at most 63 characters, like a DNS label.</summary>
    public const int MaxServiceNameLength = 63;

    /// <summary>Whether <paramref name="name"/> is a name swarmkit takes for a secret or config.</summary>
    public static bool IsValidObjectName(string name) =>
        name.Length is > 0 and <= MaxObjectNameLength
        && char.IsAsciiLetterOrDigit(name[0])
        && char.IsAsciiLetterOrDigit(name[^1])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
