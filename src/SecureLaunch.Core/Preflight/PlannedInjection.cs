namespace SecureLaunch.Core.Preflight;

/// <summary>
/// One value a launch would put into a container: <paramref name="Kind"/> <c>env</c> or <c>file</c>, its
/// <paramref name="Target"/> (variable name or path), the secret fields it is made of, and how it is delivered.
/// Names only, never a value.
/// </summary>
public sealed record PlannedInjection(string Container, string Kind, string Target, IReadOnlyList<string> From, string How);
