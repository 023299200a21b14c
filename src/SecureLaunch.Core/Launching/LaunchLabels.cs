namespace SecureLaunch.Core.Launching;

/// <summary>The labels SecureLaunch puts on what it creates, so a launch can be found and cleaned up.</summary>
public static class LaunchLabels
{
    public const string Launch = "securelaunch.launch";
    public const string Name = "securelaunch.name";
    public const string Container = "securelaunch.container";

    public static IReadOnlyDictionary<string, string> For(string launchId, string launchName, string container) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Launch] = launchId,
            [Name] = launchName,
            [Container] = container,
        };
}
