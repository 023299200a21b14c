namespace SecureLaunch.Docker.Tests.Support;

/// <summary>What a container run to its end produced.</summary>
internal sealed record RunResult(long ExitCode, string Stdout, string Stderr);
