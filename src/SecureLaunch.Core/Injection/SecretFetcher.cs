using System.Text.Json;
using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Diagnostics;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Spec;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault;

namespace SecureLaunch.Core.Injection;

/// <summary>Fetches every secret of a spec concurrently, recording each lease as soon as it arrives.</summary>
public sealed class SecretFetcher
{
    private readonly IVaultClient _vault;
    private readonly LeaseLedger _ledger;
    private readonly ILogger _logger;

    public SecretFetcher(IVaultClient vault, LeaseLedger ledger, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(logger);
        _vault = vault;
        _ledger = ledger;
        _logger = logger;
    }

    /// <summary>
    /// Reads all <paramref name="secrets"/>. When any read fails, the others still finish (their leases are
    /// in the ledger for the caller to revoke) and the first failure in spec order is thrown.
    /// </summary>
    public async Task<SecretSet> FetchAllAsync(IReadOnlyList<SecretDefinition> secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var progress = new FetchProgress(secrets.Count);
        var reads = secrets.Select(s => FetchOneAsync(s, progress, cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(reads);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Reported below in spec order, not in completion order.
        }

        cancellationToken.ThrowIfCancellationRequested();
        var set = new SecretSet();
        for (var i = 0; i < secrets.Count; i++)
        {
            if (reads[i].IsFaulted)
            {
                throw reads[i].Exception!.InnerException!;
            }

            set.Add(secrets[i], reads[i].Result);
        }

        return set;
    }

    /// <summary>
    /// Reads one secret again (rotation), recording its lease in the ledger at once. Failures are
    /// <see cref="LaunchException"/>s naming the spec line, with the Vault client's exception inside.
    /// </summary>
    public Task<VaultSecret> FetchAsync(SecretDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return FetchOneAsync(definition, new FetchProgress(1), cancellationToken);
    }

    /// <summary>The client request that reads <paramref name="definition"/>.</summary>
    internal static SecretRequest RequestFor(SecretDefinition definition)
    {
        using var body = definition.BodyJson is null ? null : JsonDocument.Parse(definition.BodyJson);
        return new SecretRequest
        {
            Path = definition.Path,
            Method = new HttpMethod(definition.Method),
            Body = body?.RootElement.Clone(),
            Version = definition.Version,
        };
    }

    private async Task<VaultSecret> FetchOneAsync(SecretDefinition definition, FetchProgress progress, CancellationToken cancellationToken)
    {
        var request = RequestFor(definition);
        VaultSecret secret;
        try
        {
            secret = await _vault.ReadSecretAsync(request, cancellationToken);
        }
        catch (VaultException ex)
        {
            throw new LaunchException($"{definition.Location}: secret '{definition.Name}' ({definition.Path}): {ex.Message}", ex);
        }

        // Counted and logged together, so n of "n/m" only grows from one line to the next.
        lock (progress.Gate)
        {
            var fetched = ++progress.Fetched;
            if (secret.Lease is { } lease)
            {
                _ledger.Record(definition.Name, lease);
                Log.SecretLeased(_logger, definition.Name, fetched, progress.Total, definition.Path, new ShortLeaseId(lease.LeaseId), (int)lease.Duration.TotalSeconds, lease.Renewable ? "renewable" : "not renewable");
            }
            else
            {
                Log.SecretRead(_logger, definition.Name, fetched, progress.Total, definition.Path, secret.Data.Count);
            }
        }

        return secret;
    }

    /// <summary>How many of the launch's secrets have arrived, for "n/m" in the log (they arrive in any order).</summary>
    private sealed class FetchProgress(int total)
    {
        public Lock Gate { get; } = new();

        public int Fetched { get; set; }

        public int Total { get; } = total;
    }
}
