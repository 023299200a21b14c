namespace SecureLaunch.DevVault.Http;

/// <summary>Faults waiting for the next matching requests; its own lock, since it is checked before the state lock.</summary>
internal sealed class FaultQueue
{
    private readonly Lock _sync = new();
    private readonly List<(DevVaultFault Fault, int Left)> _pending = [];

    public void Add(DevVaultFault fault, int count)
    {
        lock (_sync)
        {
            _pending.Add((fault, count));
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _pending.Clear();
        }
    }

    /// <summary>The faults not yet spent, in order, with the requests each still breaks.</summary>
    public IReadOnlyList<(DevVaultFault Fault, int Left)> Pending()
    {
        lock (_sync)
        {
            return [.. _pending];
        }
    }

    /// <summary>The first pending fault for this path, spending one of its uses.</summary>
    public DevVaultFault? Take(string path)
    {
        lock (_sync)
        {
            var index = _pending.FindIndex(p => p.Fault.PathPrefix is null || path.StartsWith(p.Fault.PathPrefix, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var (fault, left) = _pending[index];
            if (left <= 1)
            {
                _pending.RemoveAt(index);
            }
            else
            {
                _pending[index] = (fault, left - 1);
            }

            return fault;
        }
    }
}
