namespace SecureLaunch.Core.Swarm;

/// <summary>
/// One secret of a deployed service, as rotation sees it: its address within the launch, where tasks read it,
/// the Swarm secret holding its current version, and the spec secrets its content renders from.
/// </summary>
/// <param name="Name"><c>&lt;service&gt;.&lt;entry&gt;</c>, what <see cref="SwarmDeployment.RotateSecretAsync"/> takes; <c>&lt;service&gt;.sl-env</c> is the hidden env.</param>
/// <param name="Service">The service's name in the spec.</param>
/// <param name="Target">The file in the task.</param>
/// <param name="SwarmSecretName">The current version: <c>&lt;launch&gt;_&lt;slot&gt;_&lt;content hash&gt;</c>.</param>
/// <param name="References">Names of the spec's secrets (<c>secrets:</c>) whose fields the content uses.</param>
public sealed record SwarmSecretSlot(string Name, string Service, string Target, string SwarmSecretName, IReadOnlyList<string> References);
