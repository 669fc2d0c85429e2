using System.CommandLine;
using Course.Cli.Commands;

var root = new RootCommand("course: the serverless course's command-line tool");
root.Subcommands.Add(GradeCommand.Create());
root.Subcommands.Add(InvokeCommand.Create());
root.Subcommands.Add(LoadCommand.Create());
root.Subcommands.Add(SiteCommand.Create());
root.Subcommands.Add(NotebooksCommand.Create());
root.Subcommands.Add(EventsCommand.Create());
root.Subcommands.Add(CostCommand.Create());
root.Subcommands.Add(ResetCommand.Create());
root.Subcommands.Add(WorkshopCommand.Create());
root.Subcommands.Add(ReplCommand.Create());
root.Subcommands.Add(GradeServerCommand.Create());
root.Subcommands.Add(Course.Cli.Commands.States.StatesCommand.Create());
root.Subcommands.Add(SamCommand.Create());
root.Subcommands.Add(Course.Cli.Commands.Local.LocalCommand.Create());
root.Subcommands.Add(Course.Cli.Commands.Export.ExportCommand.Create());
var parsed = root.Parse(args);
var exitCode = await parsed.InvokeAsync().ConfigureAwait(false);
// Bad command-line input is exit code 2 (like any other bad input), not System.CommandLine's default 1.
return parsed.Errors.Count > 0 && exitCode != 0 ? 2 : exitCode;
