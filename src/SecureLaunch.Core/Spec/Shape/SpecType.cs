namespace SecureLaunch.Core.Spec.Shape;

/// <summary>
/// What a spec key holds. The building blocks of <see cref="SpecShape"/>, from which the binder's
/// unknown-key check, the JSON Schema and the spec reference are all derived.
/// </summary>
internal abstract record SpecType
{
    /// <summary>A string; <paramref name="Pattern"/>, when given, is an ECMA-262 regular expression it must match.</summary>
    public sealed record Text(string? Pattern = null) : SpecType;

    /// <summary>A string that may refer to fields of secrets as <c>{{ secret.field }}</c>.</summary>
    public sealed record Template : SpecType;

    /// <summary>A whole number from <paramref name="Minimum"/> to <paramref name="Maximum"/>.</summary>
    public sealed record Integer(long Minimum, long Maximum) : SpecType;

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public sealed record Boolean : SpecType;

    /// <summary>One of <paramref name="Values"/> (the binder also takes them in other cases).</summary>
    public sealed record Choice(IReadOnlyList<string> Values) : SpecType;

    /// <summary>An octal file mode such as <c>"0400"</c>.</summary>
    public sealed record FileMode : SpecType;

    /// <summary>
    /// A credential given three ways: the key itself (secret material, usually <c>${VAR}</c>), <c>keyFile</c>
    /// (a file holding it) or <c>keyEnv</c> (an environment variable holding it); at most one of them.
    /// </summary>
    public sealed record Credential : SpecType;

    /// <summary>A number, fractions allowed, greater than <paramref name="ExclusiveMinimum"/>.</summary>
    public sealed record Number(double ExclusiveMinimum) : SpecType;

    /// <summary>
    /// Any one of <paramref name="Alternatives"/>: Compose's short and long forms of one key
    /// (<c>ports: ["8080:80", { target: 80 }]</c>).
    /// </summary>
    public sealed record AnyOf(IReadOnlyList<SpecType> Alternatives) : SpecType;

    /// <summary>A list of <paramref name="Item"/>.</summary>
    public sealed record List(SpecType Item) : SpecType;

    /// <summary>
    /// Entries named by the user (<c>secrets:</c>, <c>containers:</c>, <c>env:</c>): names match
    /// <paramref name="KeyPattern"/> and are called <paramref name="KeyName"/> in the docs.
    /// </summary>
    public sealed record Map(string KeyPattern, string KeyName, SpecType Value, int MinimumCount = 0) : SpecType;

    /// <summary>Anything: a section read by someone else (<c>dev:</c>) or passed on as it is (a request body).</summary>
    public sealed record FreeForm : SpecType;
}
