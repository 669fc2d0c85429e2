using System.Text.Json.Nodes;
using System.Xml.Linq;
using Course.Lambda.Core;
using Course.Lessons.Display;
using Course.Lessons.Markdown;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.Pricing;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Lessons.Tests.Display;

[Collection(ShowCollection.Name)]
public sealed class ExecutionChartTests
{
    private static Execution Run(string definition, Action<Simulation>? deploy = null, string input = "{}")
    {
        var sim = new Simulation(new SimulationOptions { Seed = 10 });
        deploy?.Invoke(sim);
        var machine = sim.StepFunctions.CreateStateMachine("m", definition);
        var execution = sim.StepFunctions.StartExecution(machine.Arn, input);
        sim.RunUntilComplete(execution.Completion);
        return execution;
    }

    [Fact]
    public void Rows_DocumentPipeline_OneRowPerStateEntered_IterationsIndented_RetriesAsAttempts()
    {
        var picture = ExecutionRows.From(ExecutionCharts.DocumentPipelineRun(WorkflowType.Standard));

        Assert.Equal(["Extract", "Summarize chunks", "Summarize", "Summarize", "Summarize", "Summarize", "Summarize", "Summarize", "Store"], picture.Rows.Select(r => r.Name));
        Assert.Equal([0, 0, 1, 1, 1, 1, 1, 1, 0], picture.Rows.Select(r => r.Depth));   // Store follows the Map at the top level
        Assert.Equal(["#0", "#1", "#2", "#3", "#4", "#5"], picture.Rows.Where(r => r.Depth == 1).Select(r => r.ShortScope));
        Assert.Equal("Map", picture.Rows[1].Type);
        Assert.All(picture.Rows, r => Assert.Equal("succeeded", r.Outcome));
        Assert.Equal(2, picture.Retries);
        foreach (var retried in picture.Rows.Where(r => r.ShortScope is "#3" or "#4"))
        {
            Assert.Equal(2, retried.Attempts.Count);
            Assert.True(retried.Attempts[0].Failed);
            Assert.Equal("ModelThrottledException", retried.Attempts[0].Error);
            Assert.Equal(TimeSpan.FromSeconds(1), retried.Attempts[1].Start - retried.Attempts[0].End);   // IntervalSeconds 1
        }

        Assert.Equal(picture.Rows[1].End, picture.Rows.Where(r => r.Depth == 1).Max(r => r.End));   // the Map ends with its slowest iteration
    }

    [Fact]
    public void SFN_08_DocumentPipeline_MaxConcurrencyThree_NoMoreThanThreeIterationsAtOnce()
    {
        var iterations = ExecutionRows.From(ExecutionCharts.DocumentPipelineRun(WorkflowType.Standard)).Rows.Where(r => r.Depth == 1).ToList();

        var most = iterations.Max(i => iterations.Count(o => o.Start <= i.Start && o.End > i.Start));

        Assert.Equal(3, most);
        Assert.Equal(3, iterations.Count(i => i.Start == iterations[0].Start));
    }

    [Fact]
    public void DocumentPipelineRun_HasTheFiguresTheLessonQuotes()
    {
        var standard = ExecutionCharts.DocumentPipelineRun(WorkflowType.Standard);
        var express = ExecutionCharts.DocumentPipelineRun(WorkflowType.Express);

        // lessons/10-step-functions.md runs the same definition, functions and seed and describes these results.
        Assert.Equal("""{"stored":"reports/q3.txt","parts":6}""", standard.Output);
        Assert.Equal((64, 11L), (standard.History.Count, standard.StateTransitions));
        Assert.Equal(3.85, Math.Round((standard.StopDate!.Value - standard.StartDate).TotalSeconds, 3));
        Assert.Equal(64, ExecutionBill.BilledMemoryMB(express));
        Assert.Equal(0.24375m, ExecutionBill.For([express], PriceSheet.UsEast1).ExpressGbSeconds);   // 3.9 s × 64 MB
        Assert.Equal(ExecutionChart.Svg(standard), ExecutionCharts.DocumentPipeline());   // the same run draws the same picture
    }

    [Fact]
    public void DocumentPipelineDefinition_IsTheLessonsDefinition()
    {
        var lesson = File.ReadAllText(Path.Combine(TestPaths.Course.Lessons, "10-step-functions.md"));
        var start = lesson.IndexOf("const string Pipeline = \"\"\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "lesson 10 no longer declares its Pipeline definition");
        var body = lesson[(lesson.IndexOf('\n', start) + 1)..lesson.IndexOf("\"\"\";", start, StringComparison.Ordinal)];

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(ExecutionCharts.DocumentPipelineDefinition)),
            "the :::chart sfn-document-pipeline run must use the lesson's definition (src/Lessons/Display/ExecutionCharts.cs)");
    }

    [Fact]
    public void Svg_IsWellFormed_OneBarPerAttempt_FailedInRed_RetryWaitsDashed()
    {
        var svg = XElement.Parse(ExecutionCharts.DocumentPipeline());
        XNamespace ns = "http://www.w3.org/2000/svg";

        var attempts = svg.Descendants(ns + "rect").Where(r => ((string?)r.Attribute("class"))?.StartsWith("attempt", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(10, attempts.Count);   // Extract, 6 + 2 Summarize attempts, Store
        Assert.Equal(2, attempts.Count(a => (string?)a.Attribute("fill") == "#d04040"));
        Assert.Equal(2, svg.Descendants(ns + "line").Count(l => (string?)l.Attribute("class") == "retry-wait"));
        Assert.Contains("SUCCEEDED after 3.85 s of virtual time", (string)svg.Element(ns + "title")!, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartDirective_SfnDocumentPipeline_RendersTheExecutionInAFigure()
    {
        var html = LessonPipeline.Default.ToHtml(":::chart sfn-document-pipeline\nThe pipeline.\n:::\n");

        Assert.StartsWith("<figure class=\"chart\" data-chart=\"sfn-document-pipeline\">\n<svg ", html, StringComparison.Ordinal);
        Assert.Contains("class=\"retry-wait\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_OneLinePerStateEntered_RetriesAndCatchNoted()
    {
        var text = ExecutionChart.Text(ExecutionCharts.DocumentPipelineRun(WorkflowType.Standard));
        var lines = text.Split('\n');

        Assert.StartsWith("document-pipeline (Standard): SUCCEEDED after 3.85 s of virtual time · 64 history events · 9 states entered · 11 state transitions · 2 retries", lines[0], StringComparison.Ordinal);
        Assert.Equal(9, lines.Count(l => l.Contains("| +", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.Contains("1 retry (ModelThrottledException)", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("    Summarize #3", StringComparison.Ordinal) && l.Contains('x') && l.Contains('·'));
    }

    [Fact]
    public void Rows_Parallel_EachBranchIsItsOwnScope_AndTheParallelEndsWithTheSlowest()
    {
        var e = Run("""
            {"StartAt":"Both","States":{"Both":{"Type":"Parallel","Next":"After","Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":2,"End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":1,"Next":"B2"},"B2":{"Type":"Pass","End":true}}}]},
             "After":{"Type":"Pass","End":true}}}
            """);

        var rows = ExecutionRows.From(e).Rows;

        Assert.Equal([("Both", 0, ""), ("A", 1, "branch 1"), ("B", 1, "branch 2"), ("B2", 1, "branch 2"), ("After", 0, "")], rows.Select(r => (r.Name, r.Depth, r.ShortScope)));
        Assert.Equal(TimeSpan.FromSeconds(2), rows[0].End - rows[0].Start);
        Assert.All(rows, r => Assert.True(r.Exited));
    }

    [Fact]
    public void Rows_CaughtAndUnhandledFailures_AreMarked()
    {
        static void Boom(Simulation sim) => sim.Lambda.Deploy(new FunctionOptions { FunctionName = "Boom" },
            HandlerFactory.FromDelegate((Dictionary<string, object> e, ILambdaContext c) => e.Count >= 0 ? throw new InvalidOperationException("no") : "never"));
        const string task = "\"Type\":\"Task\",\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:Boom\",\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"],\"MaxAttempts\":1,\"IntervalSeconds\":5}]";

        var caught = ExecutionRows.From(Run("{\"StartAt\":\"T\",\"States\":{\"T\":{" + task + ",\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"H\"}],\"End\":true},\"H\":{\"Type\":\"Pass\",\"End\":true}}}", Boom));
        var failed = ExecutionRows.From(Run("{\"StartAt\":\"T\",\"States\":{\"T\":{" + task + ",\"End\":true}}}", Boom));

        Assert.Equal(["caught", "succeeded"], caught.Rows.Select(r => r.Outcome));
        Assert.Equal(["failed"], failed.Rows.Select(r => r.Outcome));
        Assert.Equal(2, failed.Rows[0].Attempts.Count);
        Assert.Equal(TimeSpan.FromSeconds(5), failed.Rows[0].Attempts[1].Start - failed.Rows[0].Attempts[0].End);
        Assert.Contains("failed", ExecutionChart.Text(failed.Execution), StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_MapInsideMap_InnerIterationsNestUnderTheirOuterIteration()
    {
        var e = Run("""
            {"StartAt":"Outer","States":{"Outer":{"Type":"Map","ItemsPath":"$.outer","MaxConcurrency":1,"ItemProcessor":{"StartAt":"Inner","States":{
              "Inner":{"Type":"Map","ItemProcessor":{"StartAt":"Each","States":{"Each":{"Type":"Wait","Seconds":1,"End":true}}},"Next":"Done"},
              "Done":{"Type":"Pass","End":true}}},"Next":"Last"},
             "Last":{"Type":"Pass","End":true}}}
            """, input: """{"outer":[[1,2],[3]]}""");

        var rows = ExecutionRows.From(e).Rows;

        Assert.Equal(
            [("Outer", 0), ("Inner", 1), ("Each", 2), ("Each", 2), ("Done", 1), ("Inner", 1), ("Each", 2), ("Done", 1), ("Last", 0)],
            rows.Select(r => (r.Name, r.Depth)));
        Assert.Equal("/Outer #1/Inner #0", rows[6].Lane);
        Assert.All(rows, r => Assert.True(r.Exited, $"{r.Name} in '{r.Lane}' was never exited"));
    }

    [Fact]
    public void Show_Execution_IsAFigureInANotebook_AndHistoryIsATable()
    {
        var e = Run("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""");
        var html = new List<string>();
        Show.Html = html.Add;
        try
        {
            Show.Execution(e);
            Show.History(e, h => h.Type.StartsWith("Wait", StringComparison.Ordinal));
        }
        finally
        {
            Show.Html = null;
        }

        Assert.StartsWith("<figure class=\"execution\"><svg", html[0], StringComparison.Ordinal);
        Assert.Contains("after 60 min of virtual time", html[0], StringComparison.Ordinal);
        Assert.Equal(3, html[1].Split("<tr>").Length - 1);   // header + WaitStateEntered + WaitStateExited
        var text = ExecutionHistoryTable.Text(e, null).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(e.History.Count + 1, text.Length);
        Assert.Contains("+3600.000 s  WaitStateExited", text[3], StringComparison.Ordinal);
        Assert.NotNull(JsonNode.Parse(e.Output!));
    }
}
