namespace SecureLaunch.Core.Launching;

/// <summary>How a launch ended.</summary>
/// <param name="ExitCode">The first non-zero container exit code in spec order, else 0.</param>
/// <param name="Interrupted">The launch was cancelled (SIGINT/SIGTERM) and shut down.</param>
/// <param name="ContainerExitCodes">Each container's exit code by spec name, for those that exited.</param>
public sealed record LaunchOutcome(int ExitCode, bool Interrupted, IReadOnlyDictionary<string, long> ContainerExitCodes);
