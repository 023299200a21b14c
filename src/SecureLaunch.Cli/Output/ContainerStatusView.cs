namespace SecureLaunch.Cli.Output;

/// <summary>A container of a launch and its state on the engine (<c>running</c>, <c>exited</c>..., <c>gone</c>, <c>unknown</c>).</summary>
internal sealed record ContainerStatusView(string Name, string Id, string State);
