using Microsoft.Extensions.Logging;

namespace SecureLaunch.Core.Diagnostics;

/// <summary>Deploy and agent lines (ids 800-829): launch names, ids, accessors, counts; never a token or a value.</summary>
internal static partial class Log
{
    [LoggerMessage(800, LogLevel.Information, "agent {Owner} started; hand-offs are sealed to key {Fingerprint}")]
    public static partial void AgentStarted(ILogger logger, string owner, string fingerprint);

    [LoggerMessage(801, LogLevel.Information, "agent {Owner} let go of its launches; they keep running for the next agent")]
    public static partial void AgentStopped(ILogger logger, string owner);

    [LoggerMessage(802, LogLevel.Warning, "agent: could not {What}: {Reason}")]
    public static partial void AgentStepFailed(ILogger logger, string what, string reason);

    [LoggerMessage(803, LogLevel.Information, "hand-off {Handoff} for launch {Name}: {Status} {Reason}")]
    public static partial void HandoffAnswered(ILogger logger, string name, string handoff, string status, string reason);

    [LoggerMessage(804, LogLevel.Critical, "launch {Name}: the hand-off's wrapping token (accessor {Accessor}) would not unwrap; someone may have read it first: {Reason}")]
    public static partial void HandoffTampered(ILogger logger, string name, string accessor, string reason);

    [LoggerMessage(805, LogLevel.Information, "launch {Name} ({LaunchId}): {Services} service(s) running with {Secrets} secret(s)")]
    public static partial void LaunchDeployed(ILogger logger, string name, string launchId, int services, int secrets);

    [LoggerMessage(806, LogLevel.Information, "launch {Name} ({LaunchId}): updated in place to the new spec; the previous leases and token are revoked")]
    public static partial void LaunchUpdated(ILogger logger, string name, string launchId);

    [LoggerMessage(807, LogLevel.Information, "launch {Name} ({LaunchId}) undeployed")]
    public static partial void LaunchUndeployed(ILogger logger, string name, string launchId);

    [LoggerMessage(808, LogLevel.Information, "launch {Name} ({LaunchId}) taken over from {Owner}; renewing {Leases} lease(s), nothing minted")]
    public static partial void LaunchTakenOver(ILogger logger, string name, string launchId, string owner, int leases);

    [LoggerMessage(810, LogLevel.Information, "launch {Name}: {Kind} handed to the agent (wrapping token accessor {Accessor}); waiting for its answer")]
    public static partial void HandoffLeft(ILogger logger, string name, string kind, string accessor);

    [LoggerMessage(811, LogLevel.Warning, "could not revoke the launch token (accessor {Accessor}) after the failed deploy: {Reason}; revoke it by hand")]
    public static partial void LaunchTokenNotRevoked(ILogger logger, string accessor, string reason);

    [LoggerMessage(812, LogLevel.Warning, "could not revoke the pipeline's own login token: {Reason}; it expires with its TTL")]
    public static partial void LoginTokenNotRevoked(ILogger logger, string reason);
}
