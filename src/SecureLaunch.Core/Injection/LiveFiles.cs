namespace SecureLaunch.Core.Injection;

/// <summary>
/// Where a container's secret files live when they may change while it runs. A single-file bind mount pins the file's
/// inode, so a file replaced on the host (written, then renamed into place) is never seen inside; a directory bind
/// mount shows renames at once. So the container's files are written to <c>&lt;launch dir&gt;/&lt;container&gt;.files/</c>,
/// mounted read-only at <see cref="MountPath"/>, and each file's target in the container is a symbolic link to
/// <see cref="LinkTarget"/>. Inside the directory, as Kubernetes' atomic writer does, the files of one version sit in
/// <c>..vN/</c> and the link <c>..data</c> points at the current one: a new version is written whole, then <c>..data</c>
/// is switched by one rename, so a reader sees all the old files or all the new ones, never half of a file nor a
/// certificate with the previous key.
/// </summary>
public static class LiveFiles
{
    /// <summary>Where the container's live file directory is mounted.</summary>
    public const string MountPath = "/.securelaunch/files";

    /// <summary>The link inside the directory to the current version.</summary>
    public const string CurrentLink = "..data";

    /// <summary>What the <paramref name="index"/>-th file's target links to, inside the container.</summary>
    public static string LinkTarget(int index) => $"{MountPath}/{CurrentLink}/{index}";
}
