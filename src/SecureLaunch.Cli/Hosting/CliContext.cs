using SecureLaunch.Core.Host;

namespace SecureLaunch.Cli.Hosting;

/// <summary>What every command runs with: the environment, the console and the shutdown signal.</summary>
public sealed record CliContext(ISystemEnvironment Environment, CliConsole Console, ShutdownSignal Shutdown)
{
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
