namespace SecureLaunch.DevVault;

/// <summary>One request of a bootstrap file: <c>METHOD path {json body}</c>.</summary>
/// <param name="Method">POST, PUT or DELETE.</param>
/// <param name="Path">The API path below <c>/v1/</c>, e.g. <c>sys/mounts/database</c>.</param>
/// <param name="Body">The JSON object body as written, or null for none.</param>
/// <param name="Line">1-based line in the file, for error messages.</param>
public sealed record DevVaultBootstrapRequest(string Method, string Path, string? Body, int Line)
{
    /// <summary>
    /// Enabling a secrets engine or auth method that is already there answers 400 <c>path is already in use</c>; a
    /// bootstrap takes that as done, so that it runs against a fresh Vault, a <c>vault server -dev</c> (which has
    /// <c>secret/</c>) and the dev Vault (which has every mount it serves) alike. Any other failure stops it.
    /// </summary>
    public bool ToleratesAlreadyInUse =>
        Method is "POST" or "PUT" && (Path.StartsWith("sys/mounts/", StringComparison.Ordinal) || Path.StartsWith("sys/auth/", StringComparison.Ordinal));

    /// <summary>Method and path only: a body may hold secret values.</summary>
    public override string ToString() => $"{Method} {Path}";
}
