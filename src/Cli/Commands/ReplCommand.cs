using System.CommandLine;
using Course.Cli.Repl;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course repl</c>: an interactive C# prompt with the engine and the lesson helpers loaded, to try a trigger, a
/// limit or a price without a notebook. When standard input is not a terminal it runs what it reads
/// (<c>echo 'new Simulation().Time' | ./course repl</c>) and exits 1 if a submission failed.
/// </summary>
internal static class ReplCommand
{
    /// <summary>Builds the <c>repl</c> command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var command = new Command("repl", "An interactive C# prompt with the engine and Show.* loaded (#load 05 runs lesson 05's blocks)");
        command.SetAction(async (_, _) =>
        {
            var terminal = !Console.IsInputRedirected && !Console.IsOutputRedirected;
            var loop = new ReplLoop(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected, Environment.CurrentDirectory)
            {
                // Key by key (Tab completion, history) only where the terminal allows it.
                Editor = terminal ? new ReplLineEditor(() => Console.ReadKey(intercept: true), Console.Out) : null,
            };
            Console.CancelKeyPress += (_, e) =>
            {
                // Ctrl+C cancels the running submission and keeps the session; at the prompt it leaves as usual.
                if (loop.CancelRunning())
                {
                    e.Cancel = true;
                }
            };
            return await loop.RunAsync().ConfigureAwait(false);
        });
        return command;
    }
}
