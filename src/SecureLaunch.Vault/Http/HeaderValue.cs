namespace SecureLaunch.Vault.Http;

/// <summary>Checks a value before it goes into a header, so no header parser ever sees (and quotes) a bad token.</summary>
internal static class HeaderValue
{
    /// <summary>Visible ASCII only: no spaces, no line breaks that could inject a header.</summary>
    public static bool IsSafe(string value) => value.Length > 0 && value.All(c => c is >= (char)0x21 and <= (char)0x7E);

    /// <summary>Throws without quoting the value.</summary>
    public static void ThrowIfUnsafe(string value, string what, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (!IsSafe(value))
        {
            throw new ArgumentException($"The {what} is empty or has characters an HTTP header cannot carry.", paramName);
        }
    }
}
