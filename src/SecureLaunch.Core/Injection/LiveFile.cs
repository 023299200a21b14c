namespace SecureLaunch.Core.Injection;

/// <summary>One file of a live version (see <see cref="LiveFiles"/>): its content, mode and owner.</summary>
public sealed record LiveFile(string Content, UnixFileMode Mode, int? Uid, int? Gid)
{
    /// <summary>Never shows the content.</summary>
    public override string ToString() => $"LiveFile {{ Mode = {Mode}, Uid = {Uid}, Gid = {Gid} }}";
}
