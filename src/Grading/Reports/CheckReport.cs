using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;

namespace Course.Grading.Reports;

/// <summary>One check's result in a report.</summary>
/// <param name="Spec">The check as declared in exercise.yaml.</param>
/// <param name="Status">Its outcome.</param>
/// <param name="Message">Null when passed; otherwise observed / expected / next step, or why the check could not finish.</param>
/// <param name="Output">The function's logs and the check's notes during this check (may be empty).</param>
/// <param name="TestCode">The check method's source, for Exercism's test_code.</param>
public sealed record CheckReport(CheckSpec Spec, CheckStatus Status, string? Message, string Output, string TestCode)
{
    /// <summary>Points earned: the check's points when it passed, else 0.</summary>
    public int Earned => Status == CheckStatus.Pass ? Spec.Points : 0;
}
