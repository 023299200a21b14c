namespace SecureLaunch.Core.Spec;

/// <summary>The spec's <c>rotation:</c> section: how changes of secrets are turned into actions on containers.</summary>
public sealed record RotationSettings
{
    /// <summary>Two seconds: changes closer together than this cause one action.</summary>
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromSeconds(2);

    /// <summary>At most one signal or restart per container per 30 seconds.</summary>
    public static readonly Rate DefaultRateLimit = new(1, TimeSpan.FromSeconds(30));

    /// <summary>Everything at its default.</summary>
    public static RotationSettings Default { get; } = new();

    /// <summary>
    /// How long a container's pending action waits for more changes after the last one (<c>debounce:</c>); never longer
    /// than four times this after the first change (consul-template's <c>wait</c> rule), so a flapping secret still lands.
    /// </summary>
    public TimeSpan Debounce { get; init; } = DefaultDebounce;

    /// <summary>Signals and restarts allowed per container (<c>rateLimit:</c>); file rewrites are not limited.</summary>
    public Rate RateLimit { get; init; } = DefaultRateLimit;
}
