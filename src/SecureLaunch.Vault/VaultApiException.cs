using System.Net;

namespace SecureLaunch.Vault;

/// <summary>
/// Vault, or a proxy in front of it, answered with an error status. Carries the status code, Vault's
/// <c>errors[]</c>, the method and path; never the token, the request body or a secret value. The message
/// opens with the case (sealed, standby, permission denied, not found, invalid lease...) and says what to do.
/// </summary>
public sealed class VaultApiException : VaultException
{
    public VaultApiException(
        VaultErrorKind kind,
        HttpStatusCode statusCode,
        string method,
        string path,
        IReadOnlyList<string> errors,
        string? detail = null)
        : base(BuildMessage(kind, statusCode, method, path, errors ?? throw new ArgumentNullException(nameof(errors)), detail), method, path)
    {
        Kind = kind;
        StatusCode = statusCode;
        Errors = errors;
    }

    public VaultErrorKind Kind { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Vault's <c>errors[]</c>, as sent; empty when the body had none (a proxy's page, a bare 404).</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>For <see cref="VaultErrorKind.Standby"/> redirects: where the standby pointed (the active node).</summary>
    public Uri? RedirectLocation { get; init; }

    private static string BuildMessage(
        VaultErrorKind kind, HttpStatusCode statusCode, string method, string path, IReadOnlyList<string> errors, string? detail)
    {
        var text = $"{Headline(kind)}: Vault answered {method} {path} with {(int)statusCode}";
        if (detail is not null)
        {
            text += $": {detail}";
        }

        text += ".";
        if (Hint(kind) is { } hint)
        {
            text += $" {hint}";
        }

        return errors.Count == 0 ? text : $"{text} Vault said: {string.Join("; ", errors.Select(Shorten))}";
    }

    private static string Headline(VaultErrorKind kind) => kind switch
    {
        VaultErrorKind.BadRequest => "Invalid request",
        VaultErrorKind.InvalidLease => "Invalid lease",
        VaultErrorKind.PermissionDenied => "Permission denied",
        VaultErrorKind.NotFound => "Not found",
        VaultErrorKind.UnsupportedOperation => "Unsupported operation",
        VaultErrorKind.PreconditionFailed => "Vault is not consistent yet",
        VaultErrorKind.RateLimited => "Rate limited",
        VaultErrorKind.Standby => "Vault node is a standby",
        VaultErrorKind.Sealed => "Vault is sealed",
        VaultErrorKind.Unavailable => "Vault is unavailable",
        VaultErrorKind.ServerError => "Vault server error",
        VaultErrorKind.UpstreamError => "A system behind Vault failed",
        VaultErrorKind.InvalidResponse => "Unexpected answer",
        VaultErrorKind.LoginRejected => "Login refused",
        VaultErrorKind.WrappingTokenInvalid => "Wrapping token no longer valid",
        _ => "Vault request failed",
    };

    private static string? Hint(VaultErrorKind kind) => kind switch
    {
        VaultErrorKind.InvalidLease => "Vault does not know the lease, it expired, or it cannot be renewed: fetch the secret again.",
        VaultErrorKind.PermissionDenied => "The token is invalid or expired, or its policies do not allow this on that path.",
        VaultErrorKind.NotFound => "Nothing is there, or the token may not see it.",
        VaultErrorKind.Standby => "Requests must reach the active node.",
        VaultErrorKind.Sealed => "It serves nothing until it is unsealed.",
        VaultErrorKind.UpstreamError => "Vault is up; the database or service it called is not.",
        VaultErrorKind.LoginRejected => "Check the role, the mount and the credentials (an expired secret-id or JWT is refused too).",
        VaultErrorKind.WrappingTokenInvalid =>
            "It was already unwrapped, possibly by someone else (check Vault's audit log), or its TTL ran out; the wrapped data is gone.",
        _ => null,
    };

    // Vault's errors are meant for people and never echo a token, but a long one is usually a stack of
    // wrapped upstream errors; the full list stays on Errors.
    private static string Shorten(string error) => error.Length <= 300 ? error : error[..300] + "...";
}
