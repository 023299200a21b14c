namespace SecureLaunch.DevVault.Internal;

/// <summary>Go's <c>strconv.ParseBool</c>, which Vault uses for query flags such as <c>list</c> and <c>standbyok</c>.</summary>
internal static class GoBool
{
    public static bool TryParse(string? text, out bool value)
    {
        switch (text)
        {
            case "1" or "t" or "T" or "true" or "TRUE" or "True":
                value = true;
                return true;
            case "0" or "f" or "F" or "false" or "FALSE" or "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
