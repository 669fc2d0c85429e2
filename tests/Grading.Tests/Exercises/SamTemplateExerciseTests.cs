using System.Runtime.CompilerServices;
using Course.Grading.Exercises;
using Course.Grading.Reports;

namespace Course.Grading.Tests.Exercises;

/// <summary>
/// Exercise 10-sam-template beyond what <see cref="CourseExerciseTests"/> asks of every exercise: a template the
/// loader or the SAM transform rejects fails each check with their file:line:col message (never a crash), and the
/// starter's failures say what the engine observed.
/// </summary>
public sealed class SamTemplateExerciseTests : IDisposable
{
    private static readonly Grader Grader = new();

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sam-template-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData("      Runtime: dotnet8\n", "      Runtime: [dotnet8\n", @"Broken\.template\.yaml:\d+:\d+: error: ")]
    [InlineData("            Bucket: !Ref DocumentBucket\n", "            Bucket: !Ref Nowhere\n", @"Broken\.template\.yaml:28:21: error: Invalid Serverless Application Specification document\. Number of errors found: 1\. Resource with id \[IndexFunction\] is invalid\. Event with id \[Upload\] is invalid\. S3 events must reference an S3 bucket in the same template\.")]
    [InlineData("        - S3ReadPolicy:\n            BucketName: !Sub ${AWS::StackName}-documents-${AWS::AccountId}\n", "        - S3ReadPolicy:\n            BucketName: !Ref DocumentBucket\n", @"Broken\.template\.yaml:\d+:\d+: error: CloudFormation rejects this stack before creating anything: Circular dependency between resources: \[IndexFunction, IndexFunctionRole, IndexFunctionUploadPermission, DocumentBucket\]")]
    [InlineData("      TABLE_NAME: !Ref DocumentTable\n", "      TABLE_NAME: !Ref DocumentTabel\n", @"Broken\.template\.yaml:16:23: error: Ref names 'DocumentTabel'")]
    public async Task Grade_RejectedTemplate_EveryCheckFailsWithTheFileLineColumnMessage(string from, string to, string pattern)
    {
        var solution = File.ReadAllText(Path.Combine(ExerciseDir(), "solution", "template.yaml"));
        Assert.Contains(from, solution, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_dir.FullName, "Broken.template.yaml"), solution.Replace(from, to, StringComparison.Ordinal));
        File.Copy(Path.Combine(ExerciseDir(), "solution", "Function.cs"), Path.Combine(_dir.FullName, "Broken.cs"));

        var report = await Grade(Path.Combine(_dir.FullName, "Broken.cs"));

        Assert.Equal(GradeStatus.Fail, report.Status);
        Assert.All(report.Checks, c =>
        {
            Assert.Equal(CheckStatus.Fail, c.Status);
            Assert.Matches(@"observed: \S*" + pattern, c.Message);
            Assert.DoesNotContain("   at ", c.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Grade_Starter_EachFailureSaysWhatTheEngineObserved()
    {
        var report = await Grade(null);
        string Message(string id) => report.Checks.Single(c => c.Spec.Id == id).Message ?? "";

        Assert.Contains("observed: IndexFunction has Handler: TODO", Message("handler"), StringComparison.Ordinal);
        Assert.Contains("(bucket DocumentBucket has no notification configuration)", Message("event-wiring"), StringComparison.Ordinal);
        Assert.Contains("the function's environment had no TABLE_NAME", Message("environment"), StringComparison.Ordinal);
        Assert.Contains("TABLE_NAME is not set", Message("environment"), StringComparison.Ordinal);
        Assert.Matches(@"role would deny s3:GetObject on arn:aws:s3:::sam-app-documents-123456789012/incoming/read\.txt \(ImplicitDeny; its policies: AWSLambdaBasicExecutionRole\)", Message("reads-bucket"));
        Assert.Contains("table DocumentTable is keyed by id (S)", Message("writes-table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_NoWritePolicy_NamesTheDeniedActionAndResourceWithIamsMessage()
    {
        var report = await Grade(WrongFixture.HandlerToGrade(ExerciseDir(), Path.Combine(WrongDir(), "ReadOnlyTable.cs")));

        var message = report.Checks.Single(c => c.Spec.Id == "writes-table").Message ?? "";
        Assert.Matches(@"observed: IAM denied dynamodb:PutItem on arn:aws:dynamodb:us-east-1:123456789012:table/sam-app-DocumentTable-[0-9A-F]{12} \(ImplicitDeny\)", message);
        Assert.Matches(@"is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/sam-app-DocumentTable-[0-9A-F]{12} because no identity-based policy allows the dynamodb:PutItem action", message);
    }

    private static Task<GradeReport> Grade(string? handler) =>
        Grader.GradeAsync(new GradeOptions { ExerciseDirectory = ExerciseDir(), HandlerFile = handler, DisplayRoot = RepoRoot() });

    private static string ExerciseDir() => Path.Combine(RepoRoot(), "exercises", "10-sam-template");

    private static string WrongDir([CallerFilePath] string caller = "") => Path.Combine(Path.GetDirectoryName(caller)!, "Wrong", "10-sam-template");

    private static string RepoRoot([CallerFilePath] string caller = "")
    {
        var dir = Path.GetDirectoryName(caller)!;
        while (!File.Exists(Path.Combine(dir, "Course.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Course.sln not found above " + caller);
        }

        return dir;
    }
}
