using System.Globalization;

namespace SecureLaunch.Core.Diagnostics.Metrics;

/// <summary>
/// The Prometheus text exposition format, version 0.0.4: <c># HELP</c> and <c># TYPE</c> lines, then one sample per line
/// (<c>name{label="value"} 42</c>), with help text and label values escaped as the format asks.
/// </summary>
internal static class PrometheusText
{
    /// <summary>What a scrape answers with, in the <c>Content-Type</c> header.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Writes the <c># HELP</c> and <c># TYPE</c> lines of one metric family.</summary>
    public static void WriteHeader(TextWriter writer, string name, string help, string type)
    {
        writer.Write("# HELP ");
        writer.Write(name);
        writer.Write(' ');
        writer.Write(EscapeHelp(help));
        writer.Write("\n# TYPE ");
        writer.Write(name);
        writer.Write(' ');
        writer.Write(type);
        writer.Write('\n');
    }

    /// <summary>Writes one sample line; <paramref name="labelNames"/> and <paramref name="labelValues"/> pair up in order.</summary>
    public static void WriteSample(TextWriter writer, string name, IReadOnlyList<string> labelNames, IReadOnlyList<string> labelValues, double value)
    {
        writer.Write(name);
        if (labelNames.Count > 0)
        {
            writer.Write('{');
            for (var i = 0; i < labelNames.Count; i++)
            {
                writer.Write(i == 0 ? string.Empty : ",");
                writer.Write(labelNames[i]);
                writer.Write("=\"");
                writer.Write(EscapeLabelValue(labelValues[i]));
                writer.Write('"');
            }

            writer.Write('}');
        }

        writer.Write(' ');
        writer.Write(FormatValue(value));
        writer.Write('\n');
    }

    /// <summary>In a label value, backslash, double quote and line feed are escaped as <c>\\</c>, <c>\"</c> and <c>\n</c>.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>In help text, backslash and line feed are escaped as <c>\\</c> and <c>\n</c>.</summary>
    public static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Go's float syntax as the format takes it: <c>42</c>, <c>-1.5</c>, <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>.</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
