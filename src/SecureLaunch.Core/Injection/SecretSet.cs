using System.Collections.Concurrent;
using System.Text.Json;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Spec;
using SecureLaunch.Core.Templates;
using SecureLaunch.Vault.Secrets;

namespace SecureLaunch.Core.Injection;

/// <summary>
/// The secrets of one launch as fetched, by their spec name; renders templates from them. Rotation replaces a secret
/// while containers are rendered from the set on other threads, so it is safe for concurrent use.
/// </summary>
public sealed class SecretSet
{
    private readonly ConcurrentDictionary<string, (SecretDefinition Definition, VaultSecret Secret)> _secrets = new(StringComparer.Ordinal);

    public void Add(SecretDefinition definition, VaultSecret secret)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(secret);
        _secrets[definition.Name] = (definition, secret);
    }

    /// <summary>The secret fetched for <paramref name="name"/>, or null.</summary>
    public VaultSecret? Get(string name) => _secrets.TryGetValue(name, out var entry) ? entry.Secret : null;

    /// <summary>Every field value of one secret, as templates render it.</summary>
    public IEnumerable<string> ValuesOf(VaultSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.Data.Values.Select(AsText);
    }

    /// <summary>The value of one field as text: strings as they are, other JSON values as JSON.</summary>
    /// <exception cref="LaunchException">The secret has no such field; the message lists the fields it has (names only).</exception>
    public string Resolve(SecretReference reference, SourceLocation usedAt)
    {
        if (!_secrets.TryGetValue(reference.Secret, out var entry))
        {
            throw new LaunchException($"{usedAt}: secret '{reference.Secret}' was not fetched");
        }

        if (!entry.Secret.Data.TryGetValue(reference.Field, out var value))
        {
            var fields = entry.Secret.Data.Count == 0 ? "no fields" : "fields " + string.Join(", ", entry.Secret.Data.Keys.Order(StringComparer.Ordinal));
            throw new LaunchException($"{usedAt}: secret '{reference.Secret}' ({entry.Definition.Path}) has no field '{reference.Field}'; it has {fields}");
        }

        return AsText(value);
    }

    /// <summary>Renders <paramref name="template"/>; errors name <paramref name="usedAt"/>.</summary>
    public string Render(Template template, SourceLocation usedAt) =>
        template.Render(reference => Resolve(reference, usedAt));

    /// <summary>Every field value of every secret, as templates render it: what log masking hides.</summary>
    public IEnumerable<string> Values => _secrets.Values.SelectMany(e => e.Secret.Data.Values).Select(AsText);

    /// <summary>Each secret's fields as text, by secret name, for the journal's keyed fingerprints; never logged or written.</summary>
    internal IEnumerable<(string Secret, IEnumerable<KeyValuePair<string, string>> Fields)> Contents() =>
        _secrets.Select(e => (e.Key, e.Value.Secret.Data.Select(f => KeyValuePair.Create(f.Key, AsText(f.Value)))));

    /// <summary>Strings as they are, null as empty, other JSON values as JSON.</summary>
    private static string AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };
}
