namespace SecureLaunch.Core.Deploy;

/// <summary>
/// What <c>deploy</c> or <c>undeploy</c> hands the agent, sealed to the agent's key inside a Swarm config. It carries a
/// response-wrapping token, never the launch token itself, and the spec as resolved values (no auth settings, no
/// secret material: specs name Vault paths).
/// </summary>
public sealed record Handoff
{
    public required HandoffKind Kind { get; init; }

    /// <summary>The launch's name (the spec's <c>name</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The resolved spec as configuration keys (<c>services:web:image</c>); empty for an undeploy.</summary>
    public IReadOnlyDictionary<string, string> Spec { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the spec came from, for the agent's messages.</summary>
    public string Source { get; init; } = "";

    /// <summary>The hash of <see cref="Spec"/>: the same spec deployed again changes nothing.</summary>
    public string SpecHash { get; init; } = "";

    /// <summary>The single-use token whose cubbyhole holds the launch token; null for an undeploy. Never log it.</summary>
    public string? WrappingToken { get; init; }

    /// <summary>The wrapping token's accessor, for messages and the audit trail.</summary>
    public string? WrappingAccessor { get; init; }

    public override string ToString() => $"Handoff {{ Kind = {Kind}, Name = {Name}, SpecHash = {SpecHash}, WrappingAccessor = {WrappingAccessor} }}";
}

/// <summary>What a hand-off asks for.</summary>
public enum HandoffKind
{
    Deploy,
    Undeploy,
}
