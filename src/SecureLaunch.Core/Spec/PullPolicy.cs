namespace SecureLaunch.Core.Spec;

/// <summary>When a container's image is pulled (<c>pull:</c>), checked before anything is fetched from Vault.</summary>
public enum PullPolicy
{
    /// <summary>Pull only when the image is not present (the default, as <c>docker run</c>).</summary>
    Missing,

    /// <summary>Pull every launch, even when present.</summary>
    Always,

    /// <summary>Never pull: a missing image fails the launch.</summary>
    Never,
}
