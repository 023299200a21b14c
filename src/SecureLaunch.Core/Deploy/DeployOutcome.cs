namespace SecureLaunch.Core.Deploy;

/// <summary>What a <c>deploy</c> or <c>undeploy</c> achieved: the agent's status and its one-line account.</summary>
/// <param name="Status">One of the <see cref="HandoffResult"/> statuses, never <see cref="HandoffResult.Failed"/> (that throws).</param>
/// <param name="Message">What happened, for the user.</param>
/// <param name="WrappingAccessor">The wrapping token's accessor when a launch token was made, for the audit trail.</param>
public sealed record DeployOutcome(string Status, string Message, string? WrappingAccessor);
