using System.Text.Json;
using SecureLaunch.Core.Preflight;

namespace SecureLaunch.Cli.Output;

/// <summary>Prints a <see cref="PlanReport"/> as aligned text for people or as one JSON document for pipelines.</summary>
internal static class PlanWriter
{
    public static void WriteText(TextWriter output, PlanReport report)
    {
        output.WriteLine($"Plan for {report.Name} ({report.SpecFile})");
        output.WriteLine();
        output.WriteLine("Checks");
        var width = report.Checks.Count == 0 ? 0 : report.Checks.Max(c => c.Area.Length);
        foreach (var check in report.Checks)
        {
            output.WriteLine($"  {Word(check.Status),-4}  {check.Area.PadRight(width)}  {check.Detail}");
        }

        output.WriteLine();
        if (report.Injections.Count == 0)
        {
            output.WriteLine("Nothing to inject.");
        }
        else
        {
            output.WriteLine("Would inject (names only, never values)");
            WriteTable(output, [["CONTAINER", "WHAT", "FROM", "HOW"], .. report.Injections.Select(Row)]);
        }

        output.WriteLine();
        var failed = report.Count(CheckStatus.Failed);
        var warnings = report.Count(CheckStatus.Warning);
        output.WriteLine(failed == 0
            ? $"plan: ready to run ({warnings} warning(s)); nothing was read or minted"
            : $"plan: {failed} check(s) failed, {warnings} warning(s); fix the FAIL lines above before running");
    }

    public static void WriteJson(TextWriter output, PlanReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("name", report.Name);
            json.WriteString("specFile", report.SpecFile);
            json.WriteBoolean("ready", report.Succeeded);
            json.WriteStartArray("checks");
            foreach (var check in report.Checks)
            {
                json.WriteStartObject();
                json.WriteString("area", check.Area);
                json.WriteString("status", check.Status.ToString().ToLowerInvariant());
                json.WriteString("detail", check.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("injections");
            foreach (var injection in report.Injections)
            {
                json.WriteStartObject();
                json.WriteString("container", injection.Container);
                json.WriteString("kind", injection.Kind);
                json.WriteString("target", injection.Target);
                json.WriteStartArray("from");
                injection.From.ToList().ForEach(json.WriteStringValue);
                json.WriteEndArray();
                json.WriteString("how", injection.How);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Word(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.Warning => "warn",
        CheckStatus.Failed => "FAIL",
        _ => "skip",
    };

    private static string[] Row(PlannedInjection injection) =>
    [
        injection.Container,
        $"{injection.Kind} {injection.Target}",
        injection.From.Count == 0 ? "(no secret)" : string.Join(", ", injection.From),
        injection.How,
    ];

    private static void WriteTable(TextWriter output, IReadOnlyList<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine("  " + string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
        }
    }
}
