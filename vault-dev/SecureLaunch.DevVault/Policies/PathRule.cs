namespace SecureLaunch.DevVault.Policies;

/// <summary>
/// One <c>path "..." { }</c> stanza. <see cref="Path"/> has the trailing <c>*</c> of a plain glob stripped
/// (<see cref="IsPrefix"/>); a path with <c>+</c> segments keeps its <c>*</c> and is matched segment by segment.
/// </summary>
internal sealed record PathRule(string Path, bool IsPrefix, bool HasSegmentWildcards, PathPermissions Permissions);
