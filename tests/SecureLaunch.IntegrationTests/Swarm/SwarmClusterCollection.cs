namespace SecureLaunch.IntegrationTests.Swarm;

/// <summary>
/// The tests that share one <see cref="SwarmCluster"/>. They run one after another (one collection), so a drained
/// node is active again before the next test looks; the cluster is only built when one of them runs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SwarmClusterCollection : ICollectionFixture<SwarmCluster>
{
    public const string Name = "Swarm cluster";
}
