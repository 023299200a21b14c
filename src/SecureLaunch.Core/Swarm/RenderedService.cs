using SecureLaunch.Core.Spec;
using SecureLaunch.Docker.Swarm;

namespace SecureLaunch.Core.Swarm;

/// <summary>A service of the spec, ready to create once its secrets exist: the spec holds no secret reference yet.</summary>
internal sealed record RenderedService(ServiceDefinition Definition, SwarmServiceSpec Spec, IReadOnlyList<RenderedSecret> Secrets, bool NeedsInit);
