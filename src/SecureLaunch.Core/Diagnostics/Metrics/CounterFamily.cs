namespace SecureLaunch.Core.Diagnostics.Metrics;

/// <summary>
/// One counter metric and its series, one per combination of label values. Safe for concurrent use: events arrive from
/// several background loops while a scrape reads. A counter without labels has its one series, at zero, from the start.
/// </summary>
internal sealed class CounterFamily
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly string[] _labelNames;

    /// <param name="name">The metric name, ending in <c>_total</c>.</param>
    /// <param name="help">The <c># HELP</c> text.</param>
    /// <param name="labelNames">The labels every series has, in order.</param>
    public CounterFamily(string name, string help, params string[] labelNames)
    {
        Name = name;
        Help = help;
        _labelNames = labelNames;
        if (labelNames.Length == 0)
        {
            Touch();
        }
    }

    public string Name { get; }

    public string Help { get; }

    /// <summary>Adds one to the series with these label values (created at zero first if new).</summary>
    public void Increment(params string[] labelValues)
    {
        lock (_gate)
        {
            SeriesFor(labelValues).Count++;
        }
    }

    /// <summary>Makes the series exist, at zero if new, so a rate over it starts from the launch and not from its first event.</summary>
    public void Touch(params string[] labelValues)
    {
        lock (_gate)
        {
            SeriesFor(labelValues);
        }
    }

    /// <summary>The current count of one series; zero when it does not exist.</summary>
    public long Get(params string[] labelValues)
    {
        lock (_gate)
        {
            return _series.TryGetValue(Key(labelValues), out var series) ? series.Count : 0;
        }
    }

    /// <summary>Writes the family, series sorted by their label values.</summary>
    public void WriteTo(TextWriter writer)
    {
        (string[] Labels, long Count)[] samples;
        lock (_gate)
        {
            samples = [.. _series.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Value.Labels, s.Value.Count))];
        }

        PrometheusText.WriteHeader(writer, Name, Help, "counter");
        foreach (var (labels, count) in samples)
        {
            PrometheusText.WriteSample(writer, Name, _labelNames, labels, count);
        }
    }

    private Series SeriesFor(string[] labelValues)
    {
        if (labelValues.Length != _labelNames.Length)
        {
            throw new ArgumentException($"{Name} takes {_labelNames.Length} label value(s), not {labelValues.Length}", nameof(labelValues));
        }

        var key = Key(labelValues);
        if (!_series.TryGetValue(key, out var series))
        {
            series = new Series([.. labelValues]);
            _series[key] = series;
        }

        return series;
    }

    // A separator no spec name or enum value holds, so two label sets never share a key.
    private static string Key(string[] labelValues) => string.Join('\u001f', labelValues);

    private sealed class Series(string[] labels)
    {
        public string[] Labels { get; } = labels;

        public long Count { get; set; }
    }
}
