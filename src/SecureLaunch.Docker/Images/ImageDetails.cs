namespace SecureLaunch.Docker.Images;

/// <summary>What an image runs by default and for which platform, from <c>GET /images/{name}/json</c>.</summary>
public sealed record ImageDetails
{
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>The image's <c>USER</c>; null or empty means root.</summary>
    public string? User { get; init; }

    /// <summary>Whether the image defines a <c>HEALTHCHECK</c> (other than <c>NONE</c>).</summary>
    public bool HasHealthcheck { get; init; }

    /// <summary><c>linux</c> or <c>windows</c>.</summary>
    public string? OperatingSystem { get; init; }

    /// <summary><c>amd64</c>, <c>arm64</c>, ...</summary>
    public string? Architecture { get; init; }
}
