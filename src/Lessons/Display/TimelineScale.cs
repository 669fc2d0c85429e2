using System.Globalization;

namespace Course.Lessons.Display;

/// <summary>
/// Maps virtual times to 0..1 along the chart. Every gap between consecutive interesting times longer than one
/// second is drawn as if it were one second, so minute-long waits do not squash millisecond runs.
/// </summary>
internal sealed class TimelineScale
{
    private static readonly TimeSpan MaxGap = TimeSpan.FromSeconds(1);
    private readonly List<(DateTimeOffset Time, double Drawn)> _points = [];
    private readonly double _total;

    public TimelineScale(IEnumerable<DateTimeOffset> times)
    {
        var sorted = times.Distinct().Order().ToList();
        var drawn = 0.0;
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0)
            {
                var gap = sorted[i] - sorted[i - 1];
                drawn += (gap > MaxGap ? MaxGap : gap).TotalSeconds;
            }

            _points.Add((sorted[i], drawn));
        }

        _total = Math.Max(drawn, 0.001);
    }

    public double Position(DateTimeOffset time)
    {
        if (_points.Count == 0)
        {
            return 0;
        }

        var i = _points.FindLastIndex(p => p.Time <= time);
        if (i < 0)
        {
            return 0;
        }

        var (at, drawn) = _points[i];
        var extra = Math.Min((time - at).TotalSeconds, MaxGap.TotalSeconds);
        return Math.Clamp((drawn + extra) / _total, 0, 1);
    }

    /// <summary>Ticks at each point where real time jumped (a compressed gap), labelled with the real time in seconds.</summary>
    public IEnumerable<(double Position, string Label)> Ticks()
    {
        if (_points.Count == 0)
        {
            yield break;
        }

        var start = _points[0].Time;
        var last = double.NegativeInfinity;
        foreach (var (time, _) in _points)
        {
            var position = Position(time);
            if (position - last < 0.08)
            {
                continue;
            }

            last = position;
            var seconds = (time - start).TotalSeconds;
            yield return (position, seconds < 10 ? seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s" : seconds.ToString("0", CultureInfo.InvariantCulture) + " s");
        }
    }
}
