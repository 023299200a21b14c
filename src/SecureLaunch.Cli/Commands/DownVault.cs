using Microsoft.Extensions.Logging;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Journal;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Vault;

namespace SecureLaunch.Cli.Commands;

/// <summary>
/// A Vault session for <c>down</c>, at the address and namespace the journal names (where the leases live), with a
/// token found in this order: <c>VAULT_TOKEN</c>; a new login with the spec's <c>vault.auth</c> (the spec given with
/// <c>-f</c>, else the one the launch ran), revoked again at the end; the spec's <c>vault.auth.token</c>;
/// <c>~/.vault-token</c>. <c>VAULT_TOKEN</c> comes first because a login has side effects an operator may not want
/// (an AppRole secret-id with limited uses, a response-wrapped one used up at launch, a deleted secret-id file).
/// </summary>
internal sealed class DownVault : IAsyncDisposable
{
    private readonly bool _loggedIn;

    private DownVault(IVaultClient? client, string? unavailable, bool loggedIn)
    {
        Client = client;
        Unavailable = unavailable;
        _loggedIn = loggedIn;
    }

    /// <summary>No Vault needed.</summary>
    public static DownVault None { get; } = new(null, null, false);

    /// <summary>A client with a token; null when none could be had.</summary>
    public IVaultClient? Client { get; }

    /// <summary>Why there is no client.</summary>
    public string? Unavailable { get; }

    public static async Task<DownVault> ConnectAsync(
        CliContext context, LaunchJournal journal, RunSpec? spec, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var settings = spec?.Vault ?? LoadSpecVault(context, journal.SpecFile, notes);
        if (!Uri.TryCreate(journal.Vault.Address, UriKind.Absolute, out var address))
        {
            return new DownVault(null, $"the journal's Vault address '{journal.Vault.Address}' is not an address", false);
        }

        var client = Engines.CreateVault(context, new VaultTarget(address, null, "none"), settings, journal.Vault.Namespace, loggers);
        try
        {
            if (context.Environment.GetVariable("VAULT_TOKEN") is { Length: > 0 } environmentToken)
            {
                client.SetToken(environmentToken.Trim());
                return new DownVault(client, null, false);
            }

            if (settings?.Auth is { CreatesToken: true } auth && await TryLogInAsync(context, client, auth, notes, cancellationToken))
            {
                return new DownVault(client, null, true);
            }

            if (ReadToken(context, settings, notes) is { } token)
            {
                client.SetToken(token);
                return new DownVault(client, null, false);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        client.Dispose();
        notes.Add("no Vault token: set VAULT_TOKEN to one that may revoke them, or name the spec with -f to log in with its vault.auth");
        return new DownVault(null, string.Join("; ", notes), false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Client is null)
        {
            return;
        }

        if (_loggedIn)
        {
            try
            {
                await Client.RevokeSelfAsync(CancellationToken.None);
            }
            catch (VaultException)
            {
                // Our own short-lived token; it expires with its TTL.
            }
        }

        Client.Dispose();
    }

    private static async Task<bool> TryLogInAsync(CliContext context, IVaultClient client, AuthSettings auth, List<string> notes, CancellationToken cancellationToken)
    {
        if (auth.SecretIdWrapped)
        {
            notes.Add($"{auth.Location}: the AppRole secret-id is response-wrapped, and a wrapping token is used up by the launch that unwrapped it");
            return false;
        }

        try
        {
            // Never delete a secret-id file here: it may be the next launch's.
            var method = AuthMethodFactory.Create(auth with { RemoveSecretIdFile = false }, context.Environment)!;
            await client.LoginAsync(method, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is LaunchException or VaultException)
        {
            notes.Add($"vault login with {auth.Method.ToString().ToLowerInvariant()}: {ex.Message}");
            return false;
        }
    }

    private static string? ReadToken(CliContext context, VaultSettings? settings, List<string> notes)
    {
        if (settings?.Auth.Token is { } source)
        {
            try
            {
                return CredentialReader.Read(source, context.Environment);
            }
            catch (LaunchException ex)
            {
                notes.Add(ex.Message);
            }
        }

        var tokenFile = Path.Combine(context.Environment.HomeDirectory, ".vault-token");
        return context.Environment.FileExists(tokenFile) && context.Environment.ReadAllText(tokenFile).Trim() is { Length: > 0 } fileToken
            ? fileToken
            : null;
    }

    /// <summary>The Vault settings of the spec the launch ran, if it is still there and valid; why not, otherwise.</summary>
    private static VaultSettings? LoadSpecVault(CliContext context, string? specFile, List<string> notes)
    {
        if (specFile is null || !context.Environment.FileExists(specFile))
        {
            return null;
        }

        var result = new SpecLoader(context.Environment).LoadFile(specFile, [], specFile);
        if (result.Spec is null)
        {
            notes.Add($"the launch's spec {specFile} no longer loads ({result.Errors.Count} error(s); the first: {result.Errors[0]})");
        }

        return result.Spec?.Vault;
    }
}
