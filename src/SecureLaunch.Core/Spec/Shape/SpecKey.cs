namespace SecureLaunch.Core.Spec.Shape;

/// <summary>One key of a spec section: its name, what it holds, and the line the docs show for it.</summary>
internal sealed record SpecKey(string Name, SpecType Type, string Description)
{
    /// <summary>Whether a valid spec must have it (for a credential: one of its three forms).</summary>
    public bool Required { get; init; }

    /// <summary>The value used when the key is absent, as written in YAML; null when there is none or it depends.</summary>
    public string? Default { get; init; }

    /// <summary>Whether the key's own value is secret material (never taken from <c>--set</c>).</summary>
    public bool Secret { get; init; }

    /// <summary>The names this key may be written as: a credential's three forms, else its name.</summary>
    public IReadOnlyList<string> Names => Type is SpecType.Credential ? [Name, Name + "File", Name + "Env"] : [Name];

    /// <summary>Whether <paramref name="name"/> is the key's own value form (for a credential, not its File or Env form).</summary>
    public bool IsValueForm(string name) => string.Equals(name, Name, StringComparison.OrdinalIgnoreCase);
}
