using SecureLaunch.Vault;

namespace SecureLaunch.Core.Journal;

public sealed partial class LaunchTeardown
{
    private static async Task<LaunchJournal> RevokeAsync(
        LaunchJournal journal, TeardownOptions options, List<string> done, List<string> problems, CancellationToken cancellationToken)
    {
        var leases = journal.Leases;
        if (leases.Count == 0 && !journal.Vault.TokenToRevoke)
        {
            return journal with { Leases = [] };
        }

        if (journal.Vault.Ephemeral)
        {
            done.Add($"{Plural(leases.Count, "lease")} ended with the embedded dev Vault");
            return journal with { Leases = [] };
        }

        if (!options.RevokeLeases)
        {
            done.Add($"left {Plural(leases.Count, "lease")}{(journal.Vault.TokenToRevoke ? " and the token" : string.Empty)} of launch {journal.LaunchId} to expire (it ran with --no-revoke)");
            return journal with { Leases = [], Vault = journal.Vault with { TokenCreated = false } };
        }

        var unavailable = options.Vault is null
            ? options.VaultUnavailable ?? "no Vault token"
            : SameVault(options.Vault, options.VaultNamespace, journal.Vault) ? null
            : $"they live at {Describe(journal.Vault.Address, journal.Vault.Namespace)}, not {Describe(options.Vault.Address.ToString(), options.VaultNamespace)}";
        if (unavailable is not null)
        {
            problems.AddRange(leases.Select(l => $"lease {new ShortLeaseId(l.LeaseId)} (secret {l.Secret}): not revoked: {unavailable}"));
            if (journal.Vault.TokenToRevoke)
            {
                problems.Add($"token of launch {journal.LaunchId} (accessor {journal.Vault.TokenAccessor}): not revoked: {unavailable}");
            }

            return journal;
        }

        var vault = options.Vault!;
        var left = new List<JournalLease>();
        var revoked = 0;
        foreach (var lease in leases)
        {
            try
            {
                await vault.RevokeLeaseAsync(lease.LeaseId, cancellationToken);
                revoked++;
            }
            catch (VaultException ex)
            {
                problems.Add($"lease {new ShortLeaseId(lease.LeaseId)} (secret {lease.Secret}): not revoked: {ex.Message}");
                left.Add(lease);
            }
        }

        if (revoked > 0)
        {
            done.Add($"revoked {Plural(revoked, "lease")}");
        }

        return journal with { Leases = left, Vault = await RevokeTokenAsync(journal.Vault, vault, done, problems, cancellationToken) };
    }

    /// <summary>Leases are revoked first: revoking the token would take its leases too, but without saying which failed.</summary>
    private static async Task<JournalVault> RevokeTokenAsync(
        JournalVault recorded, IVaultClient vault, List<string> done, List<string> problems, CancellationToken cancellationToken)
    {
        if (!recorded.TokenToRevoke)
        {
            return recorded;
        }

        try
        {
            var revoked = await vault.RevokeAccessorAsync(recorded.TokenAccessor!, cancellationToken);
            done.Add(revoked
                ? $"revoked the token the launch logged in for (accessor {recorded.TokenAccessor})"
                : $"the token the launch logged in for (accessor {recorded.TokenAccessor}) had already expired or been revoked");
            return recorded with { TokenRevoked = true };
        }
        catch (VaultException ex)
        {
            problems.Add($"token (accessor {recorded.TokenAccessor}): not revoked: {ex.Message}");
            return recorded;
        }
    }

    private static bool SameVault(IVaultClient vault, string? @namespace, JournalVault recorded) =>
        string.Equals(vault.Address.ToString().TrimEnd('/'), recorded.Address.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        && string.Equals(@namespace ?? string.Empty, recorded.Namespace ?? string.Empty, StringComparison.Ordinal);

    private static string Describe(string address, string? @namespace) =>
        string.IsNullOrEmpty(@namespace) ? address.TrimEnd('/') : $"{address.TrimEnd('/')} (namespace {@namespace})";
}
