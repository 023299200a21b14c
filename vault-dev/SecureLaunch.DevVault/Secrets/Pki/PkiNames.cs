using System.Text.RegularExpressions;

namespace SecureLaunch.DevVault.Secrets.Pki;

/// <summary>The role's name policy, as Vault's PKI applies it to the common name and each DNS SAN.</summary>
internal static partial class PkiNames
{
    public static bool Allowed(PkiRole role, string name)
    {
        if (role.AllowAnyName)
        {
            return !role.EnforceHostnames || Hostname().IsMatch(name.TrimStart('*', '.'));
        }

        if (role.EnforceHostnames && !Hostname().IsMatch(name.StartsWith("*.", StringComparison.Ordinal) ? name[2..] : name))
        {
            return false;
        }

        if (role.AllowLocalhost && name is "localhost" or "localdomain")
        {
            return true;
        }

        foreach (var domain in role.AllowedDomains)
        {
            if (role.AllowBareDomains && string.Equals(name, domain, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (role.AllowSubdomains && name.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (role.AllowGlobDomains && domain.Contains('*', StringComparison.Ordinal) && Glob(domain, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Glob(string pattern, string value) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"^(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\.?$")]
    private static partial Regex Hostname();
}
