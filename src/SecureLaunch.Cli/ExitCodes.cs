namespace SecureLaunch.Cli;

/// <summary>
/// Every exit code SecureLaunch returns, in one place (docs/exit-codes.md). Otherwise the exit code is
/// the container's own, as with <c>docker run</c>.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary><c>plan</c> ran, and at least one check failed: a run would not get through.</summary>
    public const int PlanFailed = 1;

    /// <summary>SecureLaunch itself failed: bad spec or flags, Vault or Docker unreachable or refusing.</summary>
    public const int LaunchFailed = 125;

    /// <summary>Interrupted by SIGINT (128 + 2).</summary>
    public const int Interrupted = 130;

    /// <summary>Terminated by SIGTERM (128 + 15).</summary>
    public const int Terminated = 143;
}
