using System.CommandLine;
using Course.Cli.GradeService;

namespace Course.Cli.Commands;

/// <summary>
/// <c>course grade-server [--stop]</c> (hidden): the long-lived grade server that <c>./grade</c> starts in the background
/// and that exits when idle; <c>--stop</c> asks a running one to exit.
/// </summary>
internal static class GradeServerCommand
{
    /// <summary>Builds the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var stop = new Option<bool>("--stop") { Description = "Ask the running grade server to exit" };
        var command = new Command("grade-server", "The background grade server that ./grade starts (exits when idle)") { stop };
        command.Hidden = true;
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(stop))
            {
                Console.WriteLine(await GradeServer.StopAsync().ConfigureAwait(false) ? "grade server stopped" : "no grade server was running");
                return 0;
            }

            return await GradeServer.RunAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
