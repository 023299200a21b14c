namespace SecureLaunch.DevVault;

/// <summary>What tests reach besides the API: counters, faults, seal events and the audit hash.</summary>
public sealed partial class DevVaultServer
{
    /// <summary>Logins, renewals, revocations and credentials issued so far, per kind (also at <c>GET /_devvault/counters</c>).</summary>
    public DevVaultCounters Counters
    {
        get
        {
            lock (_state.Sync)
            {
                return _state.Counters.Snapshot();
            }
        }
    }

    /// <summary>Sets every counter back to zero.</summary>
    public void ResetCounters()
    {
        lock (_state.Sync)
        {
            _state.Counters.Reset();
        }
    }

    /// <summary>
    /// A seal event: seals the server now, as <c>sys/seal</c> does but without a token. In memory,
    /// <see cref="UnsealKey"/> opens it again through <c>sys/unseal</c>; with file storage, the shares <c>sys/init</c> gave.
    /// </summary>
    public void Seal()
    {
        lock (_state.Sync)
        {
            _state.Seal.Seal();
        }
    }

    /// <summary>
    /// The audit device's hash of a value (<c>hmac-sha256:...</c>), as Vault's <c>sys/audit-hash</c> computes it: what
    /// the audit file shows for that value. Null without <see cref="DevVaultOptions.AuditFile"/>.
    /// </summary>
    public string? AuditHash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _audit?.Hasher.Hash(value);
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> requests (those under <see cref="DevVaultFault.PathPrefix"/>, when set)
    /// fail as <paramref name="fault"/> says, before anything else happens to them; for testing a client's retries.
    /// Faults queue up in the order given.
    /// </summary>
    public void InjectFaults(DevVaultFault fault, int count)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _faults.Add(fault, count);
    }

    /// <summary>Drops every fault not yet spent.</summary>
    public void ClearFaults() => _faults.Clear();
}
