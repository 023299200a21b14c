using System.Text.Json;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Spec;

namespace SecureLaunch.Cli.Output;

/// <summary>The values of <c>--output</c>, and running a verb with the one chosen.</summary>
internal static class OutputFormats
{
    public const string Text = "text";
    public const string Json = "json";

    /// <summary>
    /// Runs <paramref name="action"/> with a context whose console writes JSON events when <paramref name="format"/>
    /// is json: its errors become <c>error</c> events and a <c>result</c> event with the exit code ends stdout.
    /// </summary>
    public static async Task<int> RunAsync(CliContext context, string? format, Func<CliContext, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        if (format != Json)
        {
            return await action(context);
        }

        var json = new JsonEventWriter(context.Console.StandardOutput, context.TimeProvider);
        var jsonContext = context with { Console = context.Console with { Json = json } };
        int exitCode;
        try
        {
            exitCode = await action(jsonContext);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // CliApp writes the one line on stderr; the pipeline still gets an error and a result.
            json.WriteError(CliApp.InternalErrorMessage(ex));
            json.WriteResult(ExitCodes.LaunchFailed);
            throw;
        }

        json.WriteResult(exitCode);
        return exitCode;
    }

    /// <summary>Writes a spec problem's location as fields of its error event, for annotations in CI.</summary>
    public static Action<Utf8JsonWriter> Location(SourceLocation location) => json =>
    {
        json.WriteString("source", location.Source);
        if (location.Line > 0)
        {
            json.WriteNumber("line", location.Line);
            json.WriteNumber("column", location.Column);
        }
    };
}
