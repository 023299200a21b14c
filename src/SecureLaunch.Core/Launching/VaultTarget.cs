using SecureLaunch.Core.Host;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Core.Launching;

/// <summary>
/// The Vault address and token a launch uses, resolved as the Vault CLI resolves them. The token is null
/// when the spec logs in (approle, userpass, jwt, kubernetes): the login supplies it.
/// </summary>
public sealed record VaultTarget(Uri Address, string? Token, string TokenSource)
{
    public const string DefaultAddress = "http://127.0.0.1:8200";

    /// <summary>
    /// Address: the spec, then <c>VAULT_ADDR</c>, then <see cref="DefaultAddress"/>.
    /// Token: the spec's <c>vault.auth.token</c>, then <c>VAULT_TOKEN</c>, then <c>~/.vault-token</c>.
    /// </summary>
    public static VaultTarget Resolve(VaultSettings settings, ISystemEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var address = ResolveAddress(settings, environment);
        if (settings.Auth.CreatesToken)
        {
            return new VaultTarget(address, null, $"{settings.Auth.Method.ToString().ToLowerInvariant()} login at auth/{settings.Auth.Mount}");
        }

        if (settings.Auth.Token is { } source)
        {
            return new VaultTarget(address, CredentialReader.Read(source, environment), source.Describe());
        }

        if (environment.GetVariable("VAULT_TOKEN") is { Length: > 0 } envToken)
        {
            return new VaultTarget(address, envToken.Trim(), "VAULT_TOKEN");
        }

        var tokenFile = Path.Combine(environment.HomeDirectory, ".vault-token");
        if (environment.FileExists(tokenFile) && environment.ReadAllText(tokenFile).Trim() is { Length: > 0 } fileToken)
        {
            return new VaultTarget(address, fileToken, "~/.vault-token");
        }

        throw new LaunchException("no Vault token: set VAULT_TOKEN, write it to ~/.vault-token, or set vault.auth.token in the spec (run with --dev to use the embedded dev Vault)");
    }

    /// <summary>The address alone: the spec's (when given), then <c>VAULT_ADDR</c>, then <see cref="DefaultAddress"/>.</summary>
    public static Uri ResolveAddress(VaultSettings? settings, ISystemEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return settings?.Address ?? ParseEnvironmentAddress(environment.GetVariable("VAULT_ADDR"));
    }

    private static Uri ParseEnvironmentAddress(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Uri(DefaultAddress);
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new LaunchException($"VAULT_ADDR '{text}' is not an http:// or https:// address");
    }

    public override string ToString() => $"VaultTarget {{ Address = {Address}, Token = (from {TokenSource}) }}";
}
