using SecureLaunch.Core.Preflight;

namespace SecureLaunch.Cli.Output;

/// <summary>What <c>plan</c> found, ready to print.</summary>
internal sealed record PlanReport(string Name, string SpecFile, IReadOnlyList<PreflightCheck> Checks, IReadOnlyList<PlannedInjection> Injections)
{
    public bool Succeeded => Checks.All(c => c.Status is not CheckStatus.Failed);

    public int Count(CheckStatus status) => Checks.Count(c => c.Status == status);
}
