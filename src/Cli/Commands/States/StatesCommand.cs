using System.CommandLine;
using System.Text.Json;
using Course.Grading.Compilation;
using Course.Sandbox;
using Course.Sandbox.Functions;
using Course.Sandbox.Hosting;
using Course.Sandbox.StepFunctions;
using Course.Sandbox.StepFunctions.Definition;
using Course.Sandbox.StepFunctions.Executions;

namespace Course.Cli.Commands.States;

/// <summary>
/// <c>course states run &lt;definition.json&gt; [--input file] [--function Name=handler.cs …] [--seed N] [--type standard|express]
/// [--format text|json]</c> runs a state machine in a fresh simulation; <c>course states validate &lt;file&gt;</c> checks
/// one. Exit codes: 0 when it ran (whatever the execution's status) or is valid, 2 for bad input (an invalid
/// definition, with file:line:col and AWS's diagnostic; a handler that does not compile; a missing file).
/// </summary>
internal static class StatesCommand
{
    /// <summary>Builds the <c>states</c> command and its <c>run</c> and <c>validate</c> subcommands.</summary>
    public static Command Create()
    {
        var states = new Command("states", "Run and validate Step Functions state machines (Amazon States Language) in the simulator");
        states.Subcommands.Add(RunCommand());
        states.Subcommands.Add(ValidateCommand());
        return states;
    }

    private static Command RunCommand()
    {
        var file = new Argument<string>("definition.json") { Description = "The state machine definition (ASL JSON)" };
        var input = new Option<string?>("--input") { Description = "A file with the execution's input JSON (default {})" };
        var functions = new Option<string[]>("--function") { Description = "Deploy a Lambda function: Name=handler.cs (repeatable)", AllowMultipleArgumentsPerToken = false };
        var seed = new Option<int>("--seed") { Description = "Simulation seed", DefaultValueFactory = _ => 1 };
        var type = new Option<string>("--type") { Description = "standard or express", DefaultValueFactory = _ => "standard" };
        type.AcceptOnlyFromAmong("standard", "express");
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("run", "Run a state machine on the virtual clock and print its history, timeline and cost") { file, input, functions, seed, type, format };
        command.SetAction(r => Run(new RunSettings(r.GetValue(file)!, r.GetValue(input), r.GetValue(functions) ?? [], r.GetValue(seed),
            r.GetValue(type)!, r.GetValue(format)!)));
        return command;
    }

    private static Command ValidateCommand()
    {
        var file = new Argument<string>("definition.json") { Description = "The state machine definition (ASL JSON)" };
        var command = new Command("validate", "Check a state machine definition as CreateStateMachine does") { file };
        command.SetAction(r => Validate(r.GetValue(file)!));
        return command;
    }

    internal sealed record RunSettings(string Definition, string? Input, IReadOnlyList<string> Functions, int Seed, string Type, string Format);

    internal static int Run(RunSettings s, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;
        try
        {
            var definition = ReadFile(s.Definition, "definition file");
            var diagnostics = StateMachineDefinition.Validate(definition);
            if (diagnostics.Count > 0)
            {
                return Report(errors, s.Definition, definition, diagnostics);
            }
            var input = s.Input is null ? "{}" : ReadFile(s.Input, "input file");
            CheckJson(input, s.Input ?? "--input");

            var sim = new Simulation(new SimulationOptions { Seed = s.Seed });
            foreach (var spec in s.Functions)
            {
                Deploy(sim, spec);
            }
            var type = s.Type == "express" ? WorkflowType.Express : WorkflowType.Standard;
            StateMachine machine;
            try
            {
                machine = sim.StepFunctions.CreateStateMachine(MachineName(s.Definition), definition, type);
            }
            catch (InvalidDefinitionException e)
            {
                return Report(errors, s.Definition, definition, e.Diagnostics);
            }
            var execution = sim.StepFunctions.StartExecution(machine.Arn, input);
            sim.RunUntilComplete(execution.Completion);
            sim.Run();   // let what the execution started (async invokes, deliveries) finish too
            if (s.Format == "json")
            {
                StatesOutput.WriteJson(output, execution);
            }
            else
            {
                StatesOutput.WriteText(output, sim, execution);
            }
            return 0;
        }
        catch (StatesInputException e)
        {
            errors.WriteLine($"states run: {e.Message}");
            return 2;
        }
    }

    internal static int Validate(string file, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var errors = stderr ?? Console.Error;
        try
        {
            var definition = ReadFile(file, "definition file");
            var diagnostics = StateMachineDefinition.Validate(definition);
            if (diagnostics.Count > 0)
            {
                return Report(errors, file, definition, diagnostics);
            }
            var parsed = StateMachineDefinition.Parse(definition);
            output.WriteLine($"{file}: valid ({parsed.States.Count} top-level states, starts at '{parsed.StartAt}')");
            return 0;
        }
        catch (StatesInputException e)
        {
            errors.WriteLine($"states validate: {e.Message}");
            return 2;
        }
    }

    private static int Report(TextWriter errors, string file, string text, IReadOnlyList<DefinitionDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            var (line, column) = JsonLocator.Find(text, d.Location);
            var where = d.Location is null ? "" : $" (at {d.Location})";
            errors.WriteLine($"{file}:{line}:{column}: {d.Code}: {d.Message}{where}");
        }
        errors.WriteLine($"The definition is invalid: {diagnostics.Count} problem{(diagnostics.Count == 1 ? "" : "s")}, as CreateStateMachine would report them (InvalidDefinition). Fix each and run `course states validate {file}` again.");
        return 2;
    }

    private static void Deploy(Simulation sim, string spec)
    {
        var eq = spec.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == spec.Length - 1)
        {
            throw new StatesInputException($"--function '{spec}' must be Name=handler.cs, e.g. --function Extract=Extract.cs (the Name is the function in the Resource ARN).");
        }
        var (name, path) = (spec[..eq], spec[(eq + 1)..]);
        var source = ReadFile(path, "handler file");
        var compiled = new SourceCompiler().CompileLearner([new SourceFile(path.Replace('\\', '/'), source)], "Handler_" + name);
        if (!compiled.Success)
        {
            throw new StatesInputException($"{path} does not compile:\n\n{compiled.RenderDiagnostics()}");
        }
        var candidates = HandlerTypes.Find(compiled.Assembly!, "FunctionHandler");
        if (candidates.Count != 1)
        {
            throw new StatesInputException(candidates.Count == 0
                ? $"{path} has no public class with a public method 'FunctionHandler'. Fix: make the class and the method public."
                : $"{path} has several classes with a method 'FunctionHandler' ({string.Join(", ", candidates)}): keep one per file.");
        }
        try
        {
            sim.Lambda.Deploy(new FunctionOptions { FunctionName = name }, HandlerFactory.FromAssembly(compiled.Assembly!, compiled.Pdb, candidates[0]));
        }
        catch (Exception e) when (e is LambdaException or HandlerBindingException)
        {
            throw new StatesInputException($"--function {spec}: {e.Message}");
        }
    }

    private static string MachineName(string file) =>
        Path.GetFileNameWithoutExtension(file) is { Length: > 0 } n && n.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? n : "StateMachine";

    private static void CheckJson(string text, string file)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new StatesInputException($"{file}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: the input is not valid JSON ({e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd()}).");
        }
    }

    private static string ReadFile(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StatesInputException($"cannot read the {what} '{path}': {e.Message}");
        }
    }

    private sealed class StatesInputException(string message) : Exception(message);
}
