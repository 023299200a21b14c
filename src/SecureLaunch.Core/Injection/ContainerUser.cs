using System.Globalization;

namespace SecureLaunch.Core.Injection;

/// <summary>The user a container runs as, as far as the host can tell without reading the image's /etc/passwd.</summary>
public readonly record struct ContainerUser(int Uid, int? Gid)
{
    public static ContainerUser Root { get; } = new(0, 0);

    /// <summary>
    /// Parses <c>USER</c> as Docker writes it: empty (root), <c>uid</c> or <c>uid:gid</c>. Names
    /// (<c>nobody</c>, <c>app:app</c>) cannot be resolved on the host and give false.
    /// </summary>
    public static bool TryParse(string? user, out ContainerUser result)
    {
        result = Root;
        if (string.IsNullOrWhiteSpace(user))
        {
            return true;
        }

        var parts = user.Split(':', 2);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
        {
            return false;
        }

        int? gid = null;
        if (parts.Length == 2)
        {
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var g))
            {
                return false;
            }

            gid = g;
        }

        result = new ContainerUser(uid, gid);
        return true;
    }
}
