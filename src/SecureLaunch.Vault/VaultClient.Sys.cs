using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Http;
using SecureLaunch.Vault.Secrets;
using SecureLaunch.Vault.Sys;

namespace SecureLaunch.Vault;

/// <summary>Seal, unseal, init, capabilities and response wrapping.</summary>
public sealed partial class VaultClient
{
    /// <inheritdoc />
    /// <remarks>200, sealed or not; works on a sealed or uninitialized Vault and without a token.</remarks>
    public Task<VaultSealStatus> GetSealStatusAsync(CancellationToken cancellationToken) => _seal.GetStatusAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// 200 with the progress; submit shares until <see cref="VaultSealStatus.Sealed"/> is false. 400 for a malformed
    /// key, or shares that do not combine (Vault then starts over): thrown as <see cref="VaultErrorKind.BadRequest"/>,
    /// never quoting the key.
    /// </remarks>
    public async Task<VaultSealStatus> UnsealAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var status = await _seal.UnsealAsync(key.Trim(), reset: false, cancellationToken);
        Log.UnsealProgress(_logger, status.Progress, status.Threshold, status.Sealed);
        return status;
    }

    /// <inheritdoc />
    /// <remarks>200 with progress 0.</remarks>
    public Task<VaultSealStatus> ResetUnsealAsync(CancellationToken cancellationToken) =>
        _seal.UnsealAsync(key: null, reset: true, cancellationToken);

    /// <inheritdoc />
    /// <remarks>200 with <c>initialized</c>.</remarks>
    public Task<bool> IsInitializedAsync(CancellationToken cancellationToken) => _init.IsInitializedAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// 200 with the keys and root token. Sent once only: a lost answer throws <see cref="VaultUnreachableException"/>
    /// with <c>RequestMayHaveBeenSent</c>, as the keys cannot be asked for again. 400 already initialized.
    /// </remarks>
    public async Task<VaultInitResult> InitializeAsync(int secretShares, int secretThreshold, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(secretShares, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(secretShares, 255);
        ArgumentOutOfRangeException.ThrowIfLessThan(secretThreshold, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(secretThreshold, secretShares);
        var result = await _init.InitializeAsync(secretShares, secretThreshold, cancellationToken);
        Log.Initialized(_logger, result.Keys.Count, secretThreshold);
        return result;
    }

    /// <inheritdoc />
    /// <remarks>204 sealed; 403 without root or sudo.</remarks>
    public async Task SealAsync(CancellationToken cancellationToken)
    {
        await _seal.SealAsync(cancellationToken);
        Log.Sealed(_logger);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Paths are normalized as <see cref="ReadSecretAsync"/> does, and the answer is keyed by them; ask for the API
    /// path (<see cref="ResolveSecretPathAsync"/>). 200 is read; a path Vault left out is <c>deny</c>. 403 throws.
    /// </remarks>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetCapabilitiesSelfAsync(
        IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("Give at least one path.", nameof(paths));
        }

        var normalized = paths.Select(p => VaultPath.Normalize(p, nameof(paths))).Distinct(StringComparer.Ordinal).ToArray();
        return _capabilities.GetSelfAsync(normalized, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>200 is read; 400 (already unwrapped, expired) throws <see cref="VaultErrorKind.WrappingTokenInvalid"/>.</remarks>
    public Task<VaultWrappingInfo> LookupWrappingTokenAsync(string wrappingToken, CancellationToken cancellationToken) =>
        _wrapping.LookupAsync(wrappingToken, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// 200 with the wrapped <c>data</c> (its values never logged), 204 when empty. 400 (already unwrapped, possibly by
    /// someone else, or expired) throws <see cref="VaultErrorKind.WrappingTokenInvalid"/>. Never sent twice.
    /// </remarks>
    public Task<VaultSecret> UnwrapAsync(string wrappingToken, CancellationToken cancellationToken) =>
        _wrapping.UnwrapAsync(wrappingToken, invalidDetail: null, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// 200 with <c>auth</c> (the token never logged); 400 (already unwrapped, possibly by someone else, or expired)
    /// throws <see cref="VaultErrorKind.WrappingTokenInvalid"/>; an answer without <c>auth</c> throws
    /// <see cref="VaultErrorKind.InvalidResponse"/>. Never sent twice.
    /// </remarks>
    public Task<VaultIssuedToken> UnwrapTokenAsync(string wrappingToken, CancellationToken cancellationToken) =>
        _wrapping.UnwrapTokenAsync(wrappingToken, cancellationToken);
}
