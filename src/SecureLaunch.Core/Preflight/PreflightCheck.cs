namespace SecureLaunch.Core.Preflight;

/// <summary>
/// One thing checked before a launch: <paramref name="Area"/> is what (<c>docker</c>, <c>image busybox:stable</c>,
/// <c>container web</c>, <c>secret db</c>), <paramref name="Detail"/> one line on how it came out or what to do.
/// Never holds a secret value.
/// </summary>
public sealed record PreflightCheck(string Area, CheckStatus Status, string Detail)
{
    public static PreflightCheck Ok(string area, string detail) => new(area, CheckStatus.Ok, detail);

    public static PreflightCheck Warning(string area, string detail) => new(area, CheckStatus.Warning, detail);

    public static PreflightCheck Failed(string area, string detail) => new(area, CheckStatus.Failed, detail);

    public static PreflightCheck Skipped(string area, string detail) => new(area, CheckStatus.Skipped, detail);
}
