using System.Text;

namespace SecureLaunch.Cli.Output;

/// <summary>Names as JSON events spell them: a log method <c>SecretLeased</c> is the event <c>secret_leased</c>.</summary>
internal static class EventNames
{
    /// <summary><c>VaultHealthy</c> to <c>vault_healthy</c>, <c>TLSOff</c> to <c>tls_off</c>; already snake_case names stay.</summary>
    public static string SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var afterLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var endsAcronym = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (afterLowerOrDigit || endsAcronym)
                {
                    text.Append('_');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>A log template's placeholder as a JSON field: <c>LeaseId</c> to <c>leaseId</c>.</summary>
    public static string CamelCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }
}
