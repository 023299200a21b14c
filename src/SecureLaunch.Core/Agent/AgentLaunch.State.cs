using SecureLaunch.Core.Deploy;

namespace SecureLaunch.Core.Agent;

/// <summary>What is written to the cluster so another agent can take the launch over.</summary>
internal sealed partial class AgentLaunch
{
    /// <summary>What changes the state in a way a successor must know: each secret's lease and content, and each secret version in use.</summary>
    public string Fingerprint()
    {
        var leases = Spec.Secrets.Select(s => $"{s.Name}={_secrets.Get(s.Name)?.Lease?.LeaseId}");
        var versions = _services?.Slots.Select(s => $"{s.Name}={s.SwarmSecretName}") ?? [];
        return string.Join(";", leases.Concat(versions));
    }

    /// <summary>The launch's state now: secrets as fetched, with their leases as last renewed.</summary>
    public AgentState Snapshot()
    {
        var renewed = _session.Leases.Snapshot().ToDictionary(l => l.Lease.LeaseId, l => l.Lease, StringComparer.Ordinal);
        var secrets = new List<StoredSecret>();
        foreach (var definition in Spec.Secrets)
        {
            if (_secrets.Get(definition.Name) is not { } secret)
            {
                continue;
            }

            var lease = secret.Lease is { } first ? renewed.GetValueOrDefault(first.LeaseId, first) : null;
            secrets.Add(new StoredSecret
            {
                Name = definition.Name,
                Path = secret.Path,
                Data = secret.Data,
                Lease = lease is null ? null : new StoredLease(lease.LeaseId, (long)lease.Duration.TotalSeconds, lease.Renewable, lease.ObtainedAt),
                KvVersion = secret.KvVersion,
                Version = secret.Version,
            });
        }

        return new AgentState
        {
            LaunchId = LaunchId,
            SpecHash = SpecHash,
            Spec = Values,
            Source = Source,
            Token = _token,
            TokenAccessor = _session.TokenAccessor ?? "",
            HashKey = _hashKey,
            Secrets = secrets,
        };
    }
}
