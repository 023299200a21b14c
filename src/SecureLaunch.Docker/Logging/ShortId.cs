namespace SecureLaunch.Docker.Logging;

/// <summary>
/// A container reference as logs and messages show it: a full 64-hex-digit id is cut to 12 characters,
/// as <c>docker ps</c> does; a name is kept whole.
/// </summary>
internal readonly record struct ShortId(string Value)
{
    private const int FullLength = 64;
    private const int ShortLength = 12;

    public override string ToString() =>
        Value.Length == FullLength && Value.All(char.IsAsciiHexDigitLower) ? Value[..ShortLength] : Value;
}
