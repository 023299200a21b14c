namespace SecureLaunch.Vault.Http;

/// <summary>Checks and escapes the paths callers give, so a path can never climb out of <c>/v1/</c>.</summary>
internal static class VaultPath
{
    /// <summary>Trims slashes and refuses empty, <c>.</c> and <c>..</c> segments and paths ending in a period.</summary>
    public static string Normalize(string path, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path, paramName);
        var trimmed = path.Trim().Trim('/');
        if (trimmed.StartsWith("v1/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Give the path without the /v1/ prefix: '{trimmed}'.", paramName);
        }

        foreach (var segment in trimmed.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                throw new ArgumentException($"The path '{trimmed}' has an empty, '.' or '..' segment.", paramName);
            }
        }

        // Vault answers 404 "unsupported path" for a parameter ending in a period (API index, parameter restrictions).
        if (trimmed.EndsWith('.'))
        {
            throw new ArgumentException($"The path '{trimmed}' ends in a period, which Vault does not accept.", paramName);
        }

        return trimmed;
    }

    /// <summary>Escapes each segment; the slashes between them stay.</summary>
    public static string Escape(string normalizedPath) =>
        string.Join('/', normalizedPath.Split('/').Select(Uri.EscapeDataString));
}
