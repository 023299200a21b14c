namespace SecureLaunch.Docker.Containers;

/// <summary>
/// <c>Config.Healthcheck</c>: <paramref name="Test"/> is <c>["NONE"]</c>, <c>["CMD", args...]</c> or
/// <c>["CMD-SHELL", command]</c>; a null interval, timeout, start period or retries keeps the image's (or Docker's) default.
/// </summary>
public sealed record HealthcheckSpec(
    IReadOnlyList<string> Test, TimeSpan? Interval = null, TimeSpan? Timeout = null, TimeSpan? StartPeriod = null, int? Retries = null);
