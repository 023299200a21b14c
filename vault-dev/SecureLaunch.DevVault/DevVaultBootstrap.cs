using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureLaunch.DevVault;

/// <summary>
/// A list of Vault API requests that sets up mounts, policies, roles and secrets, one per line:
/// <c>METHOD path {json body}</c> (the path below <c>/v1/</c>, the body optional and on the same line), <c>#</c>
/// comments and blank lines ignored. The same file goes to a real Vault through <c>vault-dev/bootstrap.sh</c> (curl)
/// and to the dev Vault through its own HTTP pipeline, so both are set up through the same API.
/// </summary>
public sealed record DevVaultBootstrap
{
    /// <summary>Where the requests came from, for error messages.</summary>
    public required string SourceName { get; init; }

    /// <summary>The requests in file order.</summary>
    public required IReadOnlyList<DevVaultBootstrapRequest> Requests { get; init; }

    /// <summary>Parses a bootstrap file's text.</summary>
    /// <exception cref="DevVaultSeedException">A line is malformed; the message names <c>source:line:column</c>.</exception>
    public static DevVaultBootstrap Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var requests = new List<DevVaultBootstrapRequest>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            requests.Add(ParseLine(line, sourceName, i + 1, lines[i].Length - lines[i].TrimStart().Length + 1));
        }

        return new DevVaultBootstrap { SourceName = sourceName, Requests = requests };
    }

    /// <summary>Reads and parses a bootstrap file.</summary>
    /// <exception cref="DevVaultSeedException">A line is malformed.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DevVaultBootstrap FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Counts only: the bodies may hold secret values.</summary>
    public override string ToString() => $"DevVaultBootstrap {{ SourceName = {SourceName}, Requests = {Requests.Count} }}";

    private static DevVaultBootstrapRequest ParseLine(string line, string sourceName, int number, int column)
    {
        var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts[0] is not ("POST" or "PUT" or "DELETE"))
        {
            throw new DevVaultSeedException(sourceName, number, column, $"'{parts[0]}' is not POST, PUT or DELETE (a line reads METHOD path {{json body}})");
        }

        if (parts.Length < 2 || parts[1].StartsWith('/') || parts[1].StartsWith('{'))
        {
            throw new DevVaultSeedException(sourceName, number, column, "a path below /v1/ must follow the method, without a leading slash (e.g. sys/mounts/kv)");
        }

        var body = parts.Length == 3 ? parts[2] : null;
        if (body is not null)
        {
            try
            {
                if (JsonNode.Parse(body) is not JsonObject)
                {
                    throw new DevVaultSeedException(sourceName, number, column, "the body must be a JSON object on the same line");
                }
            }
            catch (JsonException)
            {
                // The parser's message quotes the text, which may be a secret value: say where, not what.
                throw new DevVaultSeedException(sourceName, number, column, "the body is not valid JSON (one JSON object on the same line)");
            }
        }

        return new DevVaultBootstrapRequest(parts[0], parts[1], body, number);
    }
}
