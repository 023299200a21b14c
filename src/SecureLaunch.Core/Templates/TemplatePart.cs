namespace SecureLaunch.Core.Templates;

/// <summary>Literal text, or a reference to a secret field with its offset in the source text.</summary>
public readonly record struct TemplatePart(string? Literal, SecretReference? Reference, int Offset);
