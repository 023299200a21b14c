using System.Text.Json;
using SecureLaunch.Core.Host;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Core.Launching;

/// <summary>Reads unseal keys from the spec's <c>vault.unseal</c>: inline keys, or a keys file.</summary>
public static class UnsealKeys
{
    /// <summary>Field names of the JSON that <c>vault operator init -format=json</c> and <c>sys/init</c> write, in order of preference.</summary>
    private static readonly string[] JsonFields = ["unseal_keys_b64", "keys_base64", "unseal_keys_hex", "keys"];

    public static IReadOnlyList<string> Read(UnsealSettings unseal, ISystemEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(unseal);
        ArgumentNullException.ThrowIfNull(environment);
        var keys = unseal.Keys.Select(k => CredentialReader.Read(k, environment)).ToList();
        if (unseal.KeysFile is { } file)
        {
            var text = CredentialReader.Read(new CredentialSource { File = file, Key = "vault.unseal.keysFile", Location = unseal.Location }, environment);
            keys.AddRange(Parse(text, file, unseal.Location));
        }

        return keys;
    }

    private static IEnumerable<string> Parse(string text, string file, SourceLocation location)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            foreach (var field in JsonFields)
            {
                if (document.RootElement.TryGetProperty(field, out var array) && array.ValueKind == JsonValueKind.Array)
                {
                    return [.. array.EnumerateArray().Select(e => e.GetString()).OfType<string>()];
                }
            }
        }
        catch (JsonException)
        {
            // Reported below without the parser's message, which may quote the file.
        }

        throw new LaunchException($"{location}: vault.unseal.keysFile {file}: expected one key per line or JSON with {string.Join(", ", JsonFields)}");
    }
}
