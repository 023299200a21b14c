namespace SecureLaunch.Vault;

/// <summary>
/// The one base type of every failure the Vault client reports: <see cref="VaultApiException"/> when Vault
/// (or something in front of it) answered with an error, <see cref="VaultUnreachableException"/> when no answer came.
/// Messages name the address, method and path; never a token, request body or secret value.
/// </summary>
public abstract class VaultException : Exception
{
    protected VaultException(string message, string method, string path, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method of the failed request.</summary>
    public string Method { get; }

    /// <summary>The request path without <c>/v1/</c>, e.g. <c>secret/data/app</c>.</summary>
    public string Path { get; }
}
