using System.Text;
using SecureLaunch.Core.Launching;

namespace SecureLaunch.Core.Injection;

/// <summary>
/// Environment variables that must not show in <c>docker inspect</c>. Their values go to a file on
/// tmpfs, bind-mounted read-only at <see cref="EnvFilePath"/>; the static init (<c>native/sl-init</c>),
/// bind-mounted at <see cref="InitPath"/> and made the entrypoint, sets them on top of the image's
/// environment and execs the command the container would otherwise have run.
/// </summary>
public static class HiddenEnvironment
{
    /// <summary>Where the init is mounted in the container.</summary>
    public const string InitPath = "/.securelaunch/init";

    /// <summary>Where the env file is mounted in the container.</summary>
    public const string EnvFilePath = "/.securelaunch/env";

    /// <summary>Where the build puts the init, relative to the application's base directory.</summary>
    public const string InitRelativePath = "native/sl-init";

    /// <summary>The kernel's limit for one <c>NAME=value</c> (MAX_ARG_STRLEN, less its NUL); sl-init checks it too.</summary>
    public const int MaxEntryBytes = (128 * 1024) - 1;

    /// <summary>The largest env file sl-init accepts.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The env file: <c>NAME=value</c> entries in UTF-8, each ended by a NUL byte, ordered by name.
    /// Values may hold newlines and <c>=</c>. The caller owns the array and should clear it
    /// (<c>CryptographicOperations.ZeroMemory</c>) once written.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not <c>[A-Za-z_][A-Za-z0-9_]*</c> (the spec validates names).</exception>
    /// <exception cref="LaunchException">A value cannot be an environment variable (NUL byte, too long, not text).</exception>
    public static byte[] Encode(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var names = variables.Keys.Order(StringComparer.Ordinal).ToArray();
        var total = 0;
        foreach (var name in names)
        {
            var value = variables[name];
            ArgumentNullException.ThrowIfNull(value, $"{nameof(variables)}[{name}]");
            if (!IsName(name))
            {
                throw new ArgumentException($"'{name}' is not a valid environment variable name", nameof(variables));
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                throw new LaunchException($"the value of environment variable '{name}' contains a NUL byte, which no environment variable can hold");
            }

            var entry = name.Length + 1 + ByteCount(name, value);
            if (entry > MaxEntryBytes)
            {
                throw new LaunchException($"environment variable '{name}' is {entry} bytes long; the kernel allows at most {MaxEntryBytes}");
            }

            total += entry + 1;
        }

        if (total > MaxFileBytes)
        {
            throw new LaunchException($"the hidden environment variables take {total} bytes; at most {MaxFileBytes} are allowed");
        }

        var bytes = new byte[total];
        var at = 0;
        foreach (var name in names)
        {
            at += Encoding.ASCII.GetBytes(name, bytes.AsSpan(at));
            bytes[at++] = (byte)'=';
            at += Utf8.GetBytes(variables[name], bytes.AsSpan(at));
            bytes[at++] = 0;
        }

        return bytes;
    }

    /// <summary>
    /// The entrypoint and command to create the container with: the init, then what Docker would
    /// have run. Docker's rules: a spec entrypoint replaces the image's and drops the image's command
    /// unless the spec gives one; an empty spec entrypoint (<c>[]</c>) clears the image's but keeps its
    /// command; <c>[""]</c> clears it and drops the command, as <c>docker run --entrypoint ""</c> does.
    /// </summary>
    /// <exception cref="LaunchException">There is nothing to run.</exception>
    public static (IReadOnlyList<string> Entrypoint, IReadOnlyList<string> Command) Wrap(
        IReadOnlyList<string>? imageEntrypoint,
        IReadOnlyList<string>? imageCmd,
        IReadOnlyList<string>? specEntrypoint,
        IReadOnlyList<string>? specCommand)
    {
        // The daemon's merge of a container config with its image's (daemon/commit.go), then its reset of [""].
        var entrypoint = specEntrypoint;
        var command = specCommand;
        if (entrypoint is null || entrypoint.Count == 0)
        {
            if (command is null || command.Count == 0)
            {
                command = imageCmd;
            }

            entrypoint ??= imageEntrypoint;
        }

        if (entrypoint is [""])
        {
            entrypoint = null;
        }

        string[] run = [.. entrypoint ?? [], .. command ?? []];
        if (run.Length == 0)
        {
            throw new LaunchException("nothing to run: the image has no ENTRYPOINT or CMD, and the spec gives no entrypoint or command");
        }

        if (run[0].Length == 0)
        {
            throw new LaunchException("the command to run starts with an empty program name");
        }

        return ([InitPath, "--"], run);
    }

    private static int ByteCount(string name, string value)
    {
        try
        {
            return Utf8.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            throw new LaunchException($"the value of environment variable '{name}' is not valid Unicode text (a lone surrogate)");
        }
    }

    private static bool IsName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
