using System.Diagnostics;
using System.Globalization;
using Course.Cli.Exercises;
using Course.Grading.Exercises;
using Course.Grading.Exercises.Model;

namespace Course.Cli.Commands;

/// <summary>
/// While a grade runs longer than two seconds, says so on stderr with the elapsed real time and when the run will
/// be stopped (the exercise's <c>limits.wallClockSeconds</c>): a line updated in place on a terminal, otherwise
/// one line at five seconds. Real time only (this is the tool, not the engine).
/// </summary>
internal sealed class LongRunNotice : IDisposable
{
    private readonly Timer _timer;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly TextWriter _err;
    private readonly double _limit;
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private bool _shown;
    private bool _disposed;

    private LongRunNotice(TextWriter err, double limit)
    {
        _err = err;
        _limit = limit;
        _timer = new Timer(_ => Tick(), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
    }

    /// <summary>Starts the notice for a grade of an exercise.</summary>
    /// <param name="exercise">The exercise (its limits give the stop time), or null.</param>
    /// <param name="err">Where to write.</param>
    /// <returns>The notice; dispose it when the grade is done.</returns>
    public static LongRunNotice Start(CourseExercise? exercise, TextWriter err)
    {
        var limit = new GradingLimits().WallClockSeconds;
        if (exercise is not null)
        {
            try
            {
                limit = ExerciseLoader.Load(exercise.Directory).Limits.WallClockSeconds;
            }
            catch (ExerciseFormatException)
            {
                // The grade reports it.
            }
        }

        return new LongRunNotice(err, limit);
    }

    private void Tick()
    {
        var seconds = _watch.Elapsed.TotalSeconds;
        var text = string.Create(CultureInfo.InvariantCulture, $"grading… {seconds:0} s of real time so far; the checks are stopped after {_limit:0} s of real time (limits.wallClockSeconds)");
        lock (_err)
        {
            if (_disposed)
            {
                return;
            }

            if (_terminal)
            {
                _err.Write($"\r\u001b[K{text}");
                _shown = true;
            }
            else if (!_shown && seconds >= 5)
            {
                _err.WriteLine(text);
                _shown = true;
            }
        }
    }

    /// <summary>Stops the notice and clears its line on a terminal.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        lock (_err)
        {
            _disposed = true;
            if (_terminal && _shown)
            {
                _err.Write("\r\u001b[K");
            }
        }
    }
}
