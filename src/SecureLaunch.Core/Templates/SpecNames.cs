namespace SecureLaunch.Core.Templates;

/// <summary>The rule for names in the spec (launch, secrets, containers): they end up in Docker names.</summary>
public static class SpecNames
{
    /// <summary>A letter, then letters, digits, <c>_</c> or <c>-</c>; at most 63 characters.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 63
        && char.IsAsciiLetter(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
