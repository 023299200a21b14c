using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using SecureLaunch.Core.Spec.Shape;

namespace SecureLaunch.Core.Spec;

/// <summary><c>ports:</c> in Compose's short (<c>"127.0.0.1:8080:80/tcp"</c>) and long (<c>{ target, published, host_ip, protocol }</c>) forms.</summary>
internal sealed partial class SpecBinder
{
    private static readonly string[] Protocols = ["tcp", "udp", "sctp"];

    private List<PortDefinition> BindPorts(IConfigurationSection section, IReadOnlyList<string> networks)
    {
        var ports = new List<PortDefinition>();
        var entries = ListEntries(section, "[\"8080:80\", \"127.0.0.1:5353:53/udp\"]");
        if (entries.Count > 0 && networks is ["host" or "none"])
        {
            Error(section.Path, $"ports are not published on network '{networks[0]}': {(networks[0] == "host" ? "the container uses the host's ports directly" : "the container has no network")}");
            return ports;
        }

        foreach (var entry in entries)
        {
            ports.AddRange(entry.Value is not null ? ParseShortPort(entry.Path, entry.Value) : BindLongPort(entry));
        }

        return ports;
    }

    /// <summary><c>[[HOST_IP:]HOST:]CONTAINER[/PROTOCOL]</c>, where HOST and CONTAINER may be ranges of the same length.</summary>
    private List<PortDefinition> ParseShortPort(string key, string text)
    {
        var location = _map.LocateValue(key);
        var body = text;
        var protocol = "tcp";
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = text[(slash + 1)..];
            body = text[..slash];
            if (!Protocols.Contains(protocol, StringComparer.Ordinal))
            {
                ErrorAt(_map.LocateValue(key, slash + 1), $"protocol '{protocol}' must be tcp, udp or sctp{Suggestions.Hint(protocol, Protocols)}");
                return [];
            }
        }

        string? hostIp = null;
        var rest = 0;
        if (body.StartsWith('['))
        {
            var close = body.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
            {
                ValueError(key, $"'{text}': an IPv6 host address is written in brackets followed by a port, e.g. \"[::1]:8080:80\"");
                return [];
            }

            (hostIp, rest) = (body[1..close], close + 2);
        }
        else if (body.Split(':') is { Length: 3 } three)
        {
            (hostIp, rest) = (three[0], three[0].Length + 1);
        }

        if (hostIp is not null && !IPAddress.TryParse(hostIp, out _))
        {
            ErrorAt(_map.LocateValue(key, body.StartsWith('[') ? 1 : 0), $"'{hostIp}' is not an IP address to publish on");
            return [];
        }

        var parts = body[rest..].Split(':');
        if (parts.Length > 2 || (hostIp is not null && parts.Length != 2))
        {
            ValueError(key, $"'{text}' must be [host_ip:][host:]container[/protocol], e.g. \"127.0.0.1:8080:80\" (an IPv6 address goes in brackets)");
            return [];
        }

        var offsets = parts.Length == 1 ? new[] { rest } : [rest, rest + parts[0].Length + 1];
        var container = parts[^1];
        var host = parts.Length >= 2 ? parts[^2] : null;
        if (!TryParsePortRange(key, container, offsets[^1], out var first, out var count))
        {
            return [];
        }

        int? published = null;
        if (!string.IsNullOrEmpty(host))
        {
            if (!TryParsePortRange(key, host, offsets[^2], out var hostFirst, out var hostCount))
            {
                return [];
            }

            if (hostCount != count)
            {
                ErrorAt(_map.LocateValue(key, offsets[^2]), $"'{text}': the host range ({hostCount} ports) and the container range ({count}) must be the same length");
                return [];
            }

            published = hostFirst;
        }

        return [.. Enumerable.Range(0, count).Select(i => new PortDefinition
        {
            Target = first + i,
            Published = published + i,
            HostIp = hostIp,
            Protocol = protocol,
            Location = location,
        })];
    }

    private List<PortDefinition> BindLongPort(IConfigurationSection entry)
    {
        CheckKeys(entry, entry.Path, SpecShape.Port);
        var target = ReadPort(entry, "target");
        if (entry["target"] is null)
        {
            Error(entry.Path, "a port in the long form needs a 'target' (the port inside the container)");
        }

        var published = ReadPort(entry, "published");
        var hostIp = NullIfEmpty(entry["host_ip"]);
        if (hostIp is not null && !IPAddress.TryParse(hostIp, out _))
        {
            ValueError(ConfigurationPath.Combine(entry.Path, "host_ip"), $"'{hostIp}' is not an IP address to publish on");
        }

        var protocol = entry["protocol"] ?? "tcp";
        if (!Protocols.Contains(protocol, StringComparer.Ordinal))
        {
            ValueError(ConfigurationPath.Combine(entry.Path, "protocol"), $"protocol '{protocol}' must be tcp, udp or sctp{Suggestions.Hint(protocol, Protocols)}");
        }

        if (entry["mode"] is { } mode and not "host")
        {
            ValueError(ConfigurationPath.Combine(entry.Path, "mode"), $"mode '{mode}': a container publishes in host mode only (ingress is Swarm's routing mesh)");
        }

        return target is null ? [] : [new PortDefinition { Target = target.Value, Published = published, HostIp = hostIp, Protocol = protocol, Location = _map.Locate(entry.Path) }];
    }

    private int? ReadPort(IConfigurationSection entry, string key)
    {
        var path = ConfigurationPath.Combine(entry.Path, key);
        return entry[key] is { } text && TryParsePort(path, text, 0, out var port) ? port : null;
    }

    private bool TryParsePortRange(string key, string text, int offset, out int first, out int count)
    {
        (first, count) = (0, 0);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            count = 1;
            return TryParsePort(key, text, offset, out first);
        }

        if (!TryParsePort(key, text[..dash], offset, out first) || !TryParsePort(key, text[(dash + 1)..], offset + dash + 1, out var last))
        {
            return false;
        }

        if (last < first)
        {
            ErrorAt(_map.LocateValue(key, offset), $"port range '{text}' ends before it starts");
            return false;
        }

        count = last - first + 1;
        return true;
    }

    private bool TryParsePort(string key, string text, int offset, out int port)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535)
        {
            return true;
        }

        ErrorAt(_map.LocateValue(key, offset), $"'{text}' is not a port number from 1 to 65535");
        return false;
    }

    /// <summary>Two containers of the spec (or one twice) cannot publish the same host port and protocol on overlapping addresses.</summary>
    private void CheckPublishedPorts(List<ContainerDefinition> containers)
    {
        var seen = new List<(PortDefinition Port, string Container)>();
        foreach (var container in containers)
        {
            foreach (var port in container.Ports.Where(p => p.Published is not null))
            {
                var clash = seen.FirstOrDefault(s => s.Port.Published == port.Published && s.Port.Protocol == port.Protocol
                    && (s.Port.HostIp is null || port.HostIp is null || s.Port.HostIp == port.HostIp));
                if (clash.Port is not null)
                {
                    ErrorAt(port.Location, $"host port {port.Published}/{port.Protocol} is already published by container '{clash.Container}' ({clash.Port.Location})");
                    continue;
                }

                seen.Add((port, container.Name));
            }
        }
    }
}
