using System.Net;

namespace SecureLaunch.Vault;

/// <summary>
/// Vault, or a proxy in front of it, answered with an error status. Carries the status code, Vault's
/// <c>errors[]</c>, the method and path; never the token, the request body or a secret value.
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
        var text = $"Vault answered {method} {path} with {(int)statusCode} ({kind})";
        if (detail is not null)
        {
            text += $": {detail}";
        }

        return errors.Count == 0 ? text + "." : $"{text}: {string.Join("; ", errors.Select(Shorten))}";
    }

    // Vault's errors are meant for people and never echo a token, but a long one is usually a stack of
    // wrapped upstream errors; the full list stays on Errors.
    private static string Shorten(string error) => error.Length <= 300 ? error : error[..300] + "...";
}
