namespace SecureLaunch.DevVault.Policies.Hcl;

internal enum HclTokenKind
{
    Identifier,
    String,
    Number,
    Symbol,
    End,
}

/// <summary>One lexical token; <see cref="Text"/> is the decoded value for strings, the symbol character for symbols.</summary>
internal readonly record struct HclToken(HclTokenKind Kind, string Text, int Line, int Column);
