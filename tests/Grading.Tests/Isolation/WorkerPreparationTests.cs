using Course.Grading.Compilation;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;
using Course.Grading.Isolation;
using Course.Grading.Reports;

namespace Course.Grading.Tests.Isolation;

/// <summary>
/// A standby worker prepared with the checks ahead of the request (--watch, the grade server) grades exactly as a
/// fresh one, still in its own process under the same limits.
/// </summary>
public sealed class WorkerPreparationTests
{
    [Fact]
    public async Task Grade_PreparedStandby_UsesThePreparedChecksAndMatchesAFreshGrader()
    {
        var options = new GradeOptions { ExerciseDirectory = Fixture.Hello, Seed = 3, UseDiskCache = false };
        using var grader = new Grader();
        _ = await grader.GradeAsync(options);       // compiles and caches the checks
        grader.PrepareNextRun(options);             // the standby now loads and warms them

        var prepared = JsonReportRenderer.Render(await grader.GradeAsync(options));
        var preparedRun = grader.LastRunPrepared;
        using var fresh = new Grader();
        var unprepared = JsonReportRenderer.Render(await fresh.GradeAsync(options));

        Assert.True(preparedRun);
        Assert.False(fresh.LastRunPrepared);
        Assert.Equal(unprepared, prepared);
    }

    [Fact]
    public async Task Grade_PreparedStandby_InfiniteLoopIsStillKilledAtTheWallClockLimit()
    {
        var options = new GradeOptions { ExerciseDirectory = Fixture.Hello, HandlerFile = Fixture.Hostile("InfiniteLoop"), WallClockSeconds = 4, UseDiskCache = false };
        using var grader = new Grader();
        _ = await grader.GradeAsync(new GradeOptions { ExerciseDirectory = Fixture.Hello, WallClockSeconds = 4, UseDiskCache = false });
        grader.PrepareNextRun(options);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var report = await grader.GradeAsync(options);

        Assert.True(grader.LastRunPrepared);
        Assert.InRange(watch.Elapsed.TotalSeconds, 4, 30);
        Assert.StartsWith("observed: the function was still running after 4 s of real time and was stopped", report.Checks[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChecksFor_OtherChecksAssembly_IsNullSoTheRunLoadsItsOwn()
    {
        var exercise = ExerciseLoader.Load(Fixture.Hello);
        var compiled = new SourceCompiler().CompileChecks(new[] { SourceFile.Read(Path.Combine(Fixture.Hello, "Checks.cs")) });
        Assert.True(compiled.Success);
        var preparation = WorkerLauncher.Preparation(exercise, compiled.Assembly!, compiled.Pdb!);

        var prepared = WorkerPreparation.Prepare(preparation);
        var changed = compiled.Assembly!.ToArray();
        changed[^1] ^= 0xFF;

        Assert.NotNull(prepared);
        Assert.Equal(exercise.Checks.Select(c => c.Id).Order(), prepared!.ChecksFor(preparation with { Nonce = "n" })!.Keys.Order());
        Assert.Null(prepared.ChecksFor(preparation with { ChecksAssembly = changed }));
        Assert.Null(WorkerPreparation.TryParse(System.Text.Json.JsonSerializer.Serialize(preparation with { Nonce = "n", LearnerAssembly = new byte[] { 1 } }, WorkerJson.Context.WorkerRequest)));
        Assert.NotNull(WorkerPreparation.TryParse(System.Text.Json.JsonSerializer.Serialize(preparation, WorkerJson.Context.WorkerRequest)));
    }

    [Theory]
    [InlineData("POST /users", "POST", "/users")]
    [InlineData("GET /items/{id}", "GET", "/items/x")]
    [InlineData("ANY /{proxy+}", "POST", "/x")]
    [InlineData("$default", "POST", "/warm-up")]
    public void RouteRequest_MatchesTheExercisesRoute(string route, string method, string path)
    {
        var exercise = ExerciseLoader.Load(Fixture.Hello);
        exercise = exercise with { Trigger = new TriggerSpec(TriggerKind.ApiGateway, new Dictionary<string, string> { ["route"] = route }) };

        Assert.Equal((method, path), WorkerPreparation.RouteRequest(exercise));
    }
}
