using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace SecureLaunch.Cli.Hosting;

/// <summary>
/// Where <c>run --metrics HOST:PORT</c> serves: an IP address (<c>127.0.0.1</c>, <c>[::1]</c>, <c>0.0.0.0</c>) or
/// <c>localhost</c>, and a port from 1 to 65535. Names other than localhost are refused rather than resolved, so the
/// address bound is exactly the one written.
/// </summary>
internal sealed record MetricsAddress(IPAddress Address, int Port)
{
    /// <summary>The suggestion in help and errors.</summary>
    public const string Example = "127.0.0.1:9464";

    /// <summary>Whether only this host can reach it.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Address);

    /// <summary>Where Prometheus scrapes: <c>http://127.0.0.1:9464/metrics</c>.</summary>
    public string Url => $"http://{this}/metrics";

    /// <summary><c>127.0.0.1:9464</c>, <c>[::1]:9464</c>.</summary>
    public override string ToString() => new IPEndPoint(Address, Port).ToString();

    /// <summary>Reads <paramref name="text"/>; on failure, <paramref name="error"/> is the one line to print (it starts with the option).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MetricsAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        error = null;
        var value = text?.Trim() ?? string.Empty;
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || colon == value.Length - 1)
        {
            error = $"--metrics {text}: expected HOST:PORT, e.g. {Example}";
            return false;
        }

        var (host, portText) = (value[..colon], value[(colon + 1)..]);
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"--metrics {text}: the port must be a number from 1 to 65535, e.g. {Example}";
            return false;
        }

        if (ParseHost(host) is not { } ip)
        {
            error = $"--metrics {text}: the host must be an IP address or localhost (IPv6 in brackets, [::1]), e.g. {Example}";
            return false;
        }

        address = new MetricsAddress(ip, port);
        return true;
    }

    private static IPAddress? ParseHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        // An IPv6 address needs its brackets, or its last colon would be read as the port's.
        var bracketed = host.StartsWith('[') && host.EndsWith(']');
        var literal = bracketed ? host[1..^1] : host;
        if (!IPAddress.TryParse(literal, out var ip) || (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6) != bracketed)
        {
            return null;
        }

        // IPAddress.TryParse takes "1" as 0.0.0.1 and "127.1" as 127.0.0.1: only the dotted quad is an IPv4 address here.
        return bracketed || literal.Count(c => c == '.') == 3 ? ip : null;
    }
}
