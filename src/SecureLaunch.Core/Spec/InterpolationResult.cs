namespace SecureLaunch.Core.Spec;

/// <summary>The text after <c>${VAR}</c> expansion, or what went wrong and where in the text.</summary>
public sealed record InterpolationResult(string? Value, string? Error, int ErrorOffset)
{
    public static InterpolationResult Success(string value) => new(value, null, 0);

    public static InterpolationResult Failure(string error, int offset) => new(null, error, offset);
}
