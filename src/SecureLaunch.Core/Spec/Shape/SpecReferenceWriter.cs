using System.Text;

namespace SecureLaunch.Core.Spec.Shape;

/// <summary>Writes <see cref="SpecShape"/> as the Markdown spec reference (<c>docs/spec-reference.md</c>).</summary>
internal static class SpecReferenceWriter
{
    private const string Introduction = """
        The run spec is a YAML file, `securelaunch.yaml` (then `securelaunch.yml`) in the current directory unless
        `-f` names another. [securelaunch.schema.json](securelaunch.schema.json) is the same description as a JSON
        Schema: point your editor at it (the examples start with a `# yaml-language-server: $schema=...` line) to
        have keys completed and checked as you type. `securelaunch validate` checks everything the schema checks and
        more (secret references, files, auth combinations), with `file:line:column`.

        - `${VAR}`, `${VAR:-default}` and the other forms Compose knows are replaced in every value; an unset
          variable without a default is an error, and `$$` is a literal `$`. Variables come from the `--env-file`
          files first (Compose's env-file syntax; repeatable, a later file wins), then from the environment. That is
          the opposite of Compose, where the shell wins over `.env`: here a file named on the command line is the
          more specific choice, as `--set` is. Values from env files are treated as secrets: never shown in errors.
          `SECURELAUNCH__*` overrides and the `...Env` keys (`roleIdEnv`) read the environment only.
        - `{{ secret.field }}` in templates refers to a field of a secret under `secrets:`. The two never mix:
          a value taken from the environment may not contain `{{`.
        - Keys are layered: the file, then `SECURELAUNCH__*` environment variables
          (`SECURELAUNCH__CONTAINERS__WEB__IMAGE`), then `--set containers.web.image=...`. Secret material
          (the keys marked *secret*) is never taken from `--set`.
        - Keys starting with `x-` are ignored (except in `vault.auth`), as Compose ignores them.
        - The schema asks for YAML's own types (`uid: 1000`, `skipVerify: true`) and the values as listed;
          SecureLaunch also takes numbers and booleans quoted, and listed values in any case.
        """;

    public static string Write(SpecObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new StringBuilder();
        text.Append("# Spec reference\n\n");
        text.Append("<!-- Generated from the code (src/SecureLaunch.Core/Spec/Shape/SpecShape.cs) by `securelaunch schema --format markdown`; do not edit by hand. -->\n\n");
        text.Append(Introduction.ReplaceLineEndings("\n")).Append("\n\n");
        var sections = SpecWalk.Sections(root).ToList();
        var anchors = sections.ToDictionary(s => s.Section.Name, s => Anchor(Heading(s.Path)), StringComparer.Ordinal);
        foreach (var (path, section) in sections)
        {
            text.Append($"## {Heading(path)}\n\n{section.Description}.\n\n");
            WriteTable(text, section.Keys, anchors);
            WriteRules(text, section.Keys, section.Rules);
            foreach (var variant in section.Variants)
            {
                text.Append($"### `{section.Discriminator}: {variant.Value}`\n\n{variant.Description}.\n\n");
                WriteTable(text, variant.Keys, anchors);
                WriteRules(text, variant.Keys, variant.Rules);
            }
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static void WriteTable(StringBuilder text, IReadOnlyList<SpecKey> keys, Dictionary<string, string> anchors)
    {
        text.Append("| Key | Type | Required | Default | Description |\n|---|---|---|---|---|\n");
        foreach (var key in keys)
        {
            var names = string.Join(", ", key.Names.Select(n => $"`{n}`"));
            var description = key.Type is SpecType.Credential
                ? $"{Capitalise(key.Description)}: the value itself (usually `${{VAR}}`), a file holding it, or an environment variable holding it; one of the three"
                : key.Description;
            text.Append($"| {names} | {Describe(key.Type, anchors)}{(key.Secret || key.Type is SpecType.Credential ? ", *secret*" : string.Empty)} ");
            text.Append($"| {(key.Required ? "yes" : string.Empty)} | {(key.Default is { } d ? $"`{d}`" : string.Empty)} | {Escape(description)} |\n");
        }

        text.Append('\n');
    }

    private static void WriteRules(StringBuilder text, IReadOnlyList<SpecKey> keys, IReadOnlyList<SpecRule> rules)
    {
        foreach (var rule in rules)
        {
            var names = rule.Keys.Select(k => $"`{k}`").ToList();
            var forms = rule.Keys.Any(k => keys.FirstOrDefault(x => x.Name == k)?.Type is SpecType.Credential) ? ", in any of their forms" : string.Empty;
            text.Append($"{(rule.ExactlyOne ? "Exactly one" : "At least one")} of {string.Join(" or ", names)}{forms}.\n\n");
        }
    }

    private static string Describe(SpecType type, Dictionary<string, string> anchors) => type switch
    {
        SpecObject section => $"[{section.Name}](#{anchors[section.Name]})",
        SpecType.Text { Pattern: { } pattern } => $"string matching `{Escape(pattern)}`",
        SpecType.Text => "string",
        SpecType.Template => "template: string with `{{ secret.field }}`",
        SpecType.Integer { Minimum: var min, Maximum: var max } when min == max => $"`{min}`",
        SpecType.Integer { Minimum: var min, Maximum: int.MaxValue or long.MaxValue } => $"integer, {min} or more",
        SpecType.Integer integer => $"integer, {integer.Minimum} to {integer.Maximum}",
        SpecType.Boolean => "`true` or `false`",
        SpecType.Choice choice => string.Join(", ", choice.Values.Select(v => $"`{v}`")),
        SpecType.FileMode => "octal mode, e.g. `\"0440\"`",
        SpecType.Credential => "string",
        SpecType.Number { ExclusiveMinimum: var min } => $"number above {min.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        SpecType.AnyOf any => string.Join(" or ", any.Alternatives.Select(a => Describe(a, anchors))),
        SpecType.List list => $"list of {Describe(list.Item, anchors)}",
        SpecType.Map map => $"map of `{map.KeyName}` to {Describe(map.Value, anchors)}{(map.MinimumCount > 0 ? $", at least {map.MinimumCount}" : string.Empty)}",
        SpecType.FreeForm => "mapping",
        _ => throw new InvalidOperationException($"no description for {type.GetType().Name}"),
    };

    private static string Heading(string path) => path.Length == 0 ? "Top level" : $"`{path}`";

    /// <summary>The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as dashes.</summary>
    private static string Anchor(string heading) =>
        new([.. heading.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-' or '_').Select(c => c == ' ' ? '-' : c)]);

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
