namespace SecureLaunch.Core.Launching;

/// <summary>
/// How long SecureLaunch waits before restarting an exited container: Docker's own numbers (100 ms, doubled after
/// each restart, at most a minute; back to 100 ms once a run lasted 10 s), so a crash loop does not spin.
/// </summary>
internal static class RestartBackoff
{
    public static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan Maximum = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(10);

    /// <summary>The delay after a run that lasted <paramref name="ranFor"/>, when the delay before it was <paramref name="previous"/> (zero for none).</summary>
    public static TimeSpan Next(TimeSpan previous, TimeSpan ranFor) =>
        previous <= TimeSpan.Zero || ranFor >= ResetAfter ? Initial
        : previous >= Maximum / 2 ? Maximum
        : previous * 2;
}
