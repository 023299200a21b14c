namespace SecureLaunch.Core.Spec;

/// <summary>The variables of the <c>--env-file</c> files, or the one line saying what is wrong and where.</summary>
public sealed record EnvFileResult(IReadOnlyDictionary<string, string> Variables, string? Error)
{
    public static EnvFileResult Success(IReadOnlyDictionary<string, string> variables) => new(variables, null);

    public static EnvFileResult Failure(string error) => new(new Dictionary<string, string>(), error);

    /// <summary>No variables, no error: no <c>--env-file</c> given.</summary>
    public static EnvFileResult None { get; } = new(new Dictionary<string, string>(), null);

    public override string ToString() => Error ?? $"EnvFileResult {{ {Variables.Count} variables }}";
}
