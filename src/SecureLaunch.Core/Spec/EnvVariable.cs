using SecureLaunch.Core.Templates;

namespace SecureLaunch.Core.Spec;

/// <summary>An environment variable of a container; its value may reference secrets.</summary>
public sealed record EnvVariable(string Name, Template Value, SourceLocation Location);
