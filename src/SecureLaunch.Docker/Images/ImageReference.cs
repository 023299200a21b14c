namespace SecureLaunch.Docker.Images;

/// <summary>
/// An image reference split the way <c>POST /images/create</c> wants it: <c>fromImage</c> and <c>tag</c>,
/// where the tag may be a digest.
/// </summary>
internal readonly record struct ImageReference(string Repository, string Tag)
{
    private const string DefaultTag = "latest";

    public bool IsDigest => Tag.Contains(':', StringComparison.Ordinal);

    /// <summary>
    /// <c>busybox</c> is <c>busybox:latest</c>; a colon before the last slash is a registry port
    /// (<c>localhost:5000/app</c>), not a tag; <c>app@sha256:...</c> is pulled by digest.
    /// </summary>
    public static ImageReference Parse(string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        if (image.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"image reference '{image}' contains whitespace", nameof(image));
        }

        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return Checked(image, image[..at], image[(at + 1)..]);
        }

        var colon = image.LastIndexOf(':');
        var slash = image.LastIndexOf('/');
        return colon > slash
            ? Checked(image, image[..colon], image[(colon + 1)..])
            : Checked(image, image, DefaultTag);
    }

    public override string ToString() => IsDigest ? $"{Repository}@{Tag}" : $"{Repository}:{Tag}";

    private static ImageReference Checked(string image, string repository, string tag) =>
        repository.Length == 0 || tag.Length == 0 || repository.EndsWith('/')
            ? throw new ArgumentException($"image reference '{image}' is not of the form name[:tag] or name@digest", nameof(image))
            : new ImageReference(repository, tag);
}
