using Microsoft.Extensions.Configuration;

namespace SecureLaunch.Core.Spec;

/// <summary>
/// Where each configuration key came from and in which order it was written, so that errors
/// point at <c>file:line:column</c> and containers keep their spec order.
/// </summary>
public sealed class SpecSourceMap
{
    private readonly Dictionary<string, (SourceLocation Location, int Order)> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (SourceLocation Location, bool Exact)> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly SourceLocation _fallback;

    public SpecSourceMap(SourceLocation fallback) => _fallback = fallback;

    /// <summary>Records <paramref name="key"/>'s location; a later layer's record replaces an earlier one but keeps its order.</summary>
    public void Record(string key, SourceLocation location)
    {
        var order = _entries.TryGetValue(key, out var existing) ? existing.Order : _entries.Count;
        _entries[key] = (location, order);
    }

    /// <summary>
    /// Records where the scalar value of <paramref name="key"/> starts (after an opening quote). <paramref name="exact"/>
    /// says whether columns inside it can be counted (a single-line plain or quoted scalar).
    /// </summary>
    public void RecordValue(string key, SourceLocation location, bool exact) => _values[key] = (location, exact);

    /// <summary>Forgets a value's position when a later layer (environment, flag) replaced it.</summary>
    public void ForgetValue(string key) => _values.Remove(key);

    /// <summary>
    /// Where the value of <paramref name="key"/> is, moved right by <paramref name="offset"/> characters when
    /// columns inside the value can be counted; else where its key is.
    /// </summary>
    public SourceLocation LocateValue(string key, int offset = 0) =>
        _values.TryGetValue(key, out var value) ? (value.Exact ? value.Location.Offset(offset) : value.Location) : Locate(key);

    /// <summary>The location of <paramref name="key"/>, else of its nearest recorded parent, else the file.</summary>
    public SourceLocation Locate(string key)
    {
        for (var current = key; !string.IsNullOrEmpty(current); current = ConfigurationPath.GetParentPath(current))
        {
            if (_entries.TryGetValue(current, out var entry))
            {
                return entry.Location;
            }
        }

        return _fallback;
    }

    /// <summary>The order in which <paramref name="key"/> first appeared; keys only set by overrides come last.</summary>
    public int OrderOf(string key) => _entries.TryGetValue(key, out var entry) ? entry.Order : int.MaxValue;
}
