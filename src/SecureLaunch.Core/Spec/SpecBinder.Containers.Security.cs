using Microsoft.Extensions.Configuration;

namespace SecureLaunch.Core.Spec;

/// <summary><c>cap_add</c>, <c>cap_drop</c>, <c>security_opt</c>, <c>privileged</c>, and the refused <c>tty</c> and <c>stdin_open</c>.</summary>
internal sealed partial class SpecBinder
{
    /// <summary>Linux capabilities by the names Docker takes (without <c>CAP_</c>).</summary>
    private static readonly string[] Capabilities =
    [
        "ALL", "AUDIT_CONTROL", "AUDIT_READ", "AUDIT_WRITE", "BLOCK_SUSPEND", "BPF", "CHECKPOINT_RESTORE", "CHOWN",
        "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "IPC_LOCK", "IPC_OWNER", "KILL", "LEASE", "LINUX_IMMUTABLE",
        "MAC_ADMIN", "MAC_OVERRIDE", "MKNOD", "NET_ADMIN", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_RAW", "PERFMON",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_ADMIN", "SYS_BOOT", "SYS_CHROOT", "SYS_MODULE", "SYS_NICE",
        "SYS_PACCT", "SYS_PTRACE", "SYS_RAWIO", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "SYSLOG", "WAKE_ALARM",
    ];

    private static readonly string[] SecurityOptionNames = ["no-new-privileges", "seccomp", "apparmor", "label", "systempaths"];

    private ContainerPrivileges BindPrivileges(IConfigurationSection container) => new()
    {
        CapAdd = ReadCapabilities(container.GetSection("cap_add")),
        CapDrop = ReadCapabilities(container.GetSection("cap_drop")),
        SecurityOptions = ReadSecurityOptions(container.GetSection("security_opt")),
        Privileged = ReadBool(container, "privileged") ?? false,
    };

    private List<string> ReadCapabilities(IConfigurationSection section)
    {
        var capabilities = new List<string>();
        foreach (var (text, path) in ReadStrings(section, "[ALL] or [NET_BIND_SERVICE]"))
        {
            var name = text.ToUpperInvariant();
            name = name.StartsWith("CAP_", StringComparison.Ordinal) ? name[4..] : name;
            if (Capabilities.Contains(name, StringComparer.Ordinal))
            {
                capabilities.Add(name);
            }
            else
            {
                ValueError(path, $"'{text}' is not a Linux capability{Suggestions.Hint(name, Capabilities)}");
            }
        }

        return capabilities;
    }

    /// <summary>
    /// <c>no-new-privileges[:true]</c>, <c>seccomp=unconfined</c>, <c>apparmor=PROFILE</c>, <c>label=...</c>,
    /// <c>systempaths=unconfined</c>, passed to the daemon as written. Only no-new-privileges hardens; the others
    /// need <c>run --allow-privileged</c> (checked in the preflight, where the flag is known).
    /// </summary>
    private List<string> ReadSecurityOptions(IConfigurationSection section)
    {
        var options = new List<string>();
        foreach (var (text, path) in ReadStrings(section, "[\"no-new-privileges:true\"]"))
        {
            var separator = text.IndexOfAny(['=', ':']);
            var name = separator < 0 ? text : text[..separator];
            var value = separator < 0 ? null : text[(separator + 1)..];
            if (!SecurityOptionNames.Contains(name, StringComparer.Ordinal))
            {
                ValueError(path, $"security_opt '{text}' must be no-new-privileges, seccomp=..., apparmor=..., label=... or systempaths=unconfined{Suggestions.Hint(name, SecurityOptionNames)}");
            }
            else if (name == "no-new-privileges" && value is not (null or "true" or "false"))
            {
                ValueError(path, $"security_opt '{text}': no-new-privileges takes true or false");
            }
            else if (name == "seccomp" && value is not "unconfined" && value?.TrimStart().StartsWith('{') != true)
            {
                ValueError(path, $"security_opt '{text}': a seccomp profile file is not read by SecureLaunch; use seccomp=unconfined or the profile's JSON");
            }
            else
            {
                options.Add(text);
            }
        }

        return options;
    }

    /// <summary>
    /// Container output passes through the secret mask, which matches values byte for byte. A TTY rewrites output
    /// (<c>\n</c> becomes <c>\r\n</c>), so a multi-line secret printed to it would slip past the mask; and SecureLaunch
    /// attaches to output only, so an open stdin would never receive anything.
    /// </summary>
    private void CheckTerminal(IConfigurationSection container)
    {
        if (ReadBool(container, "tty") == true)
        {
            ValueError(ConfigurationPath.Combine(container.Path, "tty"), "tty: true is not supported: a terminal turns \\n into \\r\\n, so a multi-line secret in the output would no longer be masked");
        }

        if (ReadBool(container, "stdin_open") == true)
        {
            ValueError(ConfigurationPath.Combine(container.Path, "stdin_open"), "stdin_open: true is not supported: SecureLaunch attaches to the containers' output only, so nothing would reach their stdin");
        }
    }
}
