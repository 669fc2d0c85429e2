using System.Text.RegularExpressions;

namespace Course.Lessons.Tests.Docs;

/// <summary>
/// The repository is self-contained: the behaviour catalogue and the curriculum live in docs/, every catalogue id a
/// test is named after is a row there, and nothing a learner reads points outside the repository.
/// </summary>
public sealed partial class SelfContainedDocsTests
{
    private static string Root => TestPaths.Course.Root;

    [GeneratedRegex(@"\b(?:void|Task) ([A-Z]{2,6}_\d{2}[a-z]?)_")]
    private static partial Regex TestId();

    [GeneratedRegex(@"\.\./shared|/work/|\.\./seed")]
    private static partial Regex OutsideReference();

    [Fact]
    public void EveryCatalogueIdATestIsNamedAfter_IsARowOfDocsBehaviourCatalogue()
    {
        var catalogue = File.ReadAllText(Path.Combine(Root, "docs", "behaviour-catalogue.md"));
        var ids = Directory.GetFiles(Path.Combine(Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TestId().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.True(catalogue.Contains($"| {id} |", StringComparison.Ordinal), $"{id} is not a row of docs/behaviour-catalogue.md"));
    }

    [Fact]
    public void NothingALearnerReads_PointsOutsideTheRepository()
    {
        var read = new[] { Path.Combine(Root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md"))
            .Concat(Directory.GetFiles(Path.Combine(Root, "lessons"), "*.md"))
            .Concat(Directory.GetFiles(Path.Combine(Root, "exercises"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(Root, "notebooks")));

        foreach (var file in read)
        {
            var text = File.ReadAllText(file);
            Assert.False(OutsideReference().IsMatch(text), $"{Path.GetRelativePath(Root, file)} points outside the repository: {OutsideReference().Match(text).Value}");
        }
    }

    [Fact]
    public void ReadmeAndLessons_UseTheCourseScript_NotDotnetRun()
    {
        foreach (var file in new[] { Path.Combine(Root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(Root, "lessons"), "*.md")))
        {
            Assert.DoesNotContain("dotnet run --project src/Cli", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }
}
