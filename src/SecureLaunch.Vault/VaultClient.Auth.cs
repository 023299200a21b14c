using SecureLaunch.Vault.Auth;
using SecureLaunch.Vault.Http;

namespace SecureLaunch.Vault;

/// <summary>Logins, the client's own token, and tokens created for others through token roles.</summary>
public sealed partial class VaultClient
{
    /// <inheritdoc />
    /// <remarks>
    /// Each method's page: <c>POST auth/&lt;mount&gt;/login</c> (AppRole, JWT, Kubernetes) or
    /// <c>auth/&lt;mount&gt;/login/&lt;username&gt;</c> (userpass), sent without a token and never twice. 200 is read from
    /// the <c>auth</c> block. 400/403 throw <see cref="VaultErrorKind.LoginRejected"/>; 404 (nothing mounted there)
    /// <see cref="VaultErrorKind.NotFound"/>; a wrapped AppRole secret-id already unwrapped throws
    /// <see cref="VaultErrorKind.WrappingTokenInvalid"/>. The client's token changes only once the login succeeded.
    /// </remarks>
    public async Task<VaultLogin> LoginAsync(VaultAuthMethod method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        var login = await method.LoginAsync(_login, cancellationToken);
        SetToken(login.ClientToken);
        return login;
    }

    /// <inheritdoc />
    public void SetToken(string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            HeaderValue.ThrowIfUnsafe(token, "Vault token", nameof(token));
        }

        _transport.SetToken(token);

        // Mount lookups the previous token was refused stay worth asking again with this one.
        _mounts.ForgetRefusedPaths();
        Log.TokenReplaced(_logger);
    }

    /// <inheritdoc />
    /// <remarks>200 is read; 403 (invalid or expired token) throws <see cref="VaultErrorKind.PermissionDenied"/>.</remarks>
    public Task<VaultTokenInfo> LookupSelfAsync(CancellationToken cancellationToken) =>
        _token.LookupSelfAsync(RequestToken.Client, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// 200 is read as lookup-self is. 400 (an unknown accessor: never issued, or its token expired or was revoked) throws
    /// <see cref="VaultErrorKind.BadRequest"/> with Vault's <c>invalid accessor</c>; 403 (the token lacks <c>update</c>
    /// on <c>auth/token/lookup-accessor</c>) throws <see cref="VaultErrorKind.PermissionDenied"/>.
    /// </remarks>
    public Task<VaultTokenInfo> LookupAccessorAsync(string accessor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessor);
        return _token.LookupAccessorAsync(accessor, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// 200 gives the granted lease. 400 (not renewable, past its max TTL) throws <see cref="VaultErrorKind.InvalidLease"/>;
    /// 403 (revoked or expired) <see cref="VaultErrorKind.PermissionDenied"/>: log in again.
    /// </remarks>
    public Task<VaultTokenRenewal> RenewSelfAsync(TimeSpan? increment, CancellationToken cancellationToken)
    {
        if (increment < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(increment), "The increment cannot be negative.");
        }

        return _token.RenewSelfAsync(increment, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>204 revoked; 403 (already revoked or expired) throws <see cref="VaultErrorKind.PermissionDenied"/>.</remarks>
    public Task RevokeSelfAsync(CancellationToken cancellationToken) => _token.RevokeSelfAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>204 revoked; 400 (unknown accessor: expired or revoked already) returns false; 403 throws <see cref="VaultErrorKind.PermissionDenied"/>.</remarks>
    public Task<bool> RevokeAccessorAsync(string accessor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessor);
        return _token.RevokeAccessorAsync(accessor, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// 200 with the token or, when <see cref="VaultTokenRequest.WrapTtl"/> is set, only the wrap info; 400 (unknown
    /// role, policies the role or the caller may not grant) throws <see cref="VaultErrorKind.BadRequest"/>; 403 throws
    /// <see cref="VaultErrorKind.PermissionDenied"/>.
    /// </remarks>
    public Task<VaultTokenCreation> CreateTokenAsync(VaultTokenRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.RoleName, nameof(request));
        if (request.RoleName.Contains('/', StringComparison.Ordinal) || VaultPath.Normalize(request.RoleName, nameof(request)) != request.RoleName)
        {
            throw new ArgumentException($"The token role name '{request.RoleName}' must be one path segment.", nameof(request));
        }

        if (request.WrapTtl is { } wrapTtl && wrapTtl < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(request), "The wrap TTL must be at least one second.");
        }

        if (request.Ttl < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "The TTL cannot be negative.");
        }

        return _tokenCreate.CreateAsync(request, cancellationToken);
    }
}
