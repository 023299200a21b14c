using System.Globalization;
using System.Net;

namespace SecureLaunch.DevVault.Internal;

/// <summary>Parses <see cref="DevVaultOptions.Listen"/>: <c>host:port</c>, host an IP, <c>localhost</c> or <c>[v6]</c>.</summary>
internal static class ListenAddress
{
    public static IPEndPoint Parse(string listen)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(listen);
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(listen.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"Listen address '{listen}' is not host:port.", nameof(listen));
        }

        var host = listen[..colon].Trim('[', ']');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new IPEndPoint(IPAddress.Loopback, port);
        }

        return IPAddress.TryParse(host, out var address)
            ? new IPEndPoint(address, port)
            : throw new ArgumentException($"Listen host '{host}' is not an IP address or localhost.", nameof(listen));
    }
}
