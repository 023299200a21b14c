namespace SecureLaunch.Core.Deploy;

/// <summary>The agent's answer to a hand-off: a status and, when it failed, why, in one line with no secret in it.</summary>
public sealed record HandoffResult(string Status, string Reason)
{
    public const string Converged = "converged";
    public const string Unchanged = "unchanged";
    public const string Removed = "removed";
    public const string NotFound = "not-found";
    public const string Failed = "failed";

    public bool Succeeded => Status != Failed;
}
