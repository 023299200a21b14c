using Docker.DotNet.Models;
using SecureLaunch.Docker.Containers;

namespace SecureLaunch.Docker.Mapping;

/// <summary>A row of <c>GET /containers/json</c> to <see cref="ContainerSummary"/>.</summary>
internal static class ContainerSummaryMapper
{
    public static ContainerSummary ToSummary(this ContainerListResponse row)
    {
        ArgumentNullException.ThrowIfNull(row);

        // The daemon lists names with a leading slash ("/web-1"), as they appear in its link namespace.
        var name = row.Names?.FirstOrDefault()?.TrimStart('/') ?? "";
        var labels = row.Labels is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>(row.Labels);
        return new ContainerSummary(row.ID, name, row.Image ?? "", row.State ?? "", labels);
    }

    /// <summary>The <c>filters</c> query for containers carrying every given label.</summary>
    public static IDictionary<string, IDictionary<string, bool>> LabelFilter(IReadOnlyDictionary<string, string> labels)
    {
        var filter = labels.ToDictionary(label => $"{label.Key}={label.Value}", _ => true);
        return new Dictionary<string, IDictionary<string, bool>> { ["label"] = filter };
    }
}
