using System.Reflection;
using Microsoft.Extensions.Logging;
using SecureLaunch.Core.Launching;

namespace SecureLaunch.Cli.Tests.Output;

/// <summary>Calls Core's own (internal) log methods, so these tests break when an event the CLI reads changes.</summary>
internal static class CoreLog
{
    private static readonly Type Log = typeof(LaunchContext).Assembly.GetType("SecureLaunch.Core.Diagnostics.Log", throwOnError: true)!;

    public static void Write(ILogger logger, string method, params object?[] arguments) =>
        Log.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, [logger, .. arguments]);
}
