using System.Globalization;
using Course.Sandbox.Pricing;

namespace Course.Lessons.Tests.Lessons;

/// <summary>Lesson 09's recomputation of the seed guide's cost table: every engine figure in it is the cost model's, to the cent.</summary>
public class CostTableTests
{
    private static readonly CostModel Model = new(PriceSheet.UsEast1);

    public static TheoryData<string> Rows()
    {
        var data = new TheoryData<string>();
        foreach (var row in TableRows())
        {
            data.Add(row[0]);
        }
        return data;
    }

    [Fact]
    public void Table_HasTheGuidesFiveRows()
    {
        Assert.Equal(["100K", "1M", "10M", "100M", "1B"], TableRows().Select(r => r[0]));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_LambdaAndFargateFigures_AreTheCostModels(string requests)
    {
        var row = TableRows().Single(r => r[0] == requests);
        var n = requests[^1] switch
        {
            'K' => long.Parse(requests[..^1], CultureInfo.InvariantCulture) * 1_000,
            'M' => long.Parse(requests[..^1], CultureInfo.InvariantCulture) * 1_000_000,
            _ => long.Parse(requests[..^1], CultureInfo.InvariantCulture) * 1_000_000_000,
        };
        var duration = TimeSpan.FromMilliseconds(200);
        Assert.Equal(Dollars(row[2]), Math.Round(Model.Estimate(n, duration, 512).Total, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(Dollars(row[3]), Math.Round(Model.Estimate(n, duration, 512, freeTier: true).Total, 2, MidpointRounding.AwayFromZero));
        var tasks = int.Parse(row[5], CultureInfo.InvariantCulture);
        Assert.Equal(Dollars(row[6]), Math.Round(Model.Fargate(0.25, 0.5, tasks: tasks), 2, MidpointRounding.AwayFromZero));
    }

    private static decimal Dollars(string cell) =>
        decimal.Parse(cell.Trim().TrimStart('$').Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static List<string[]> TableRows()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Course.Lessons, "09-cost.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| requests a month | guide: Lambda | Lambda (engine)", StringComparison.Ordinal));
        Assert.True(header >= 0, "lesson 09 lost its cost table");
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToList();
    }
}
