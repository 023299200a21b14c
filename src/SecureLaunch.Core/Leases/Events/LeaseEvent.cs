namespace SecureLaunch.Core.Leases.Events;

/// <summary>
/// Something the <see cref="LeaseSupervisor"/> did or saw, for one secret. Read them from
/// <see cref="LeaseSupervisor.Events"/>. Lease ids appear only shortened; no event holds a secret value.
/// </summary>
/// <param name="SecretName">The spec name of the secret.</param>
/// <param name="At">When it happened, on the supervisor's clock.</param>
public abstract record LeaseEvent(string SecretName, DateTimeOffset At);
