using System.Net;

namespace SecureLaunch.Vault.Http;

/// <summary>
/// Whether a standby's redirect to the active node is followed, and where to. As the Vault Go client does: one hop
/// only (a second redirect is reported, never followed, so two nodes pointing at each other cannot loop), the same
/// method, body and <c>X-Vault-Token</c> (HttpClient's own redirects would drop or keep headers by its rules, so it
/// follows none), and never from https to http, which would send the token in clear.
/// </summary>
internal static class StandbyRedirect
{
    /// <summary>The active node's URI for a 307/308 worth following, or null to report the redirect as it is.</summary>
    public static Uri? Target(Uri requested, HttpStatusCode status, Uri? location)
    {
        if (status is not (HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect) || location is null)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(requested, location);
        if (target.Scheme is not ("http" or "https")
            || (requested.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps)
            || Uri.Compare(target, requested, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return null;
        }

        return target;
    }
}
