using Course.Cli.Repl;

namespace Course.Cli.Tests.Repl;

/// <summary>
/// Tab completion in <c>course repl</c>: the completion function over the submission's compilation (members after a
/// dot, names in scope, earlier submissions' variables, namespaces, static members), and the line editor's Tab.
/// </summary>
public sealed class ReplCompletionTests
{
    private static ReplCompletion At(ReplSession session, string code) => session.Complete(code, code.Length);

    [Fact]
    public void Complete_AfterADot_ListsTheInstancesMembers()
    {
        var completion = At(new ReplSession(), "var sim = new Simulation(); sim.La");

        Assert.Equal(["Lambda"], completion.Names);
        Assert.Equal("La", completion.Prefix);
        Assert.Equal("var sim = new Simulation(); sim.".Length, completion.Start);
        Assert.Equal("Lambda", completion.CommonPrefix);
    }

    [Fact]
    public async Task Complete_SeesEarlierSubmissionsVariables()
    {
        var session = new ReplSession();
        Assert.True((await session.SubmitAsync("var simulation = new Simulation();", CancellationToken.None)).Success);

        Assert.Contains("simulation", At(session, "simu").Names);
        Assert.Contains("Lambda", At(session, "simulation.").Names);
        Assert.Contains("RunUntilComplete", At(session, "simulation.Run").Names);
        Assert.DoesNotContain(At(session, "simulation.").Names, n => n is ".ctor" or "get_Lambda");
    }

    [Fact]
    public void Complete_TypeNamespaceAndStaticMembers()
    {
        var session = new ReplSession();

        Assert.Contains("Simulation", At(session, "new Simul").Names);
        Assert.Contains("SimulationOptions", At(session, "new Simul").Names);
        Assert.StartsWith(At(session, "new Simul").CommonPrefix, "SimulationOptions", StringComparison.Ordinal);
        Assert.Equal("Simulation", At(session, "new Simulatio").CommonPrefix);
        Assert.Equal(["FromAssembly", "FromDelegate", "FromType"], At(session, "HandlerFactory.From").Names);
        Assert.Contains("Timeline", At(session, "Show.").Names);
        Assert.Contains("Functions", At(session, "Course.Sandbox.Fun").Names);
        Assert.Empty(At(session, "Simulation.Nope").Names);
    }

    [Fact]
    public void Complete_InTheMiddleOfAMultiLineBlock_SeesTheBlocksEarlierLines()
    {
        var session = new ReplSession();
        const string code = "var sim = new Simulation();\nfor (var i = 0; i < 2; i++)\n{\n    sim.Ti";

        Assert.Equal(["Time"], At(session, code).Names);
    }

    [Fact]
    public void Editor_Tab_InsertsTheCompletion_TwiceListsTheCandidates()
    {
        var session = new ReplSession();
        var keys = new Queue<ConsoleKeyInfo>();
        void Type(string text)
        {
            foreach (var c in text)
            {
                keys.Enqueue(new ConsoleKeyInfo(c, ConsoleKey.A, false, false, false));
            }
        }

        var tab = new ConsoleKeyInfo('\t', ConsoleKey.Tab, false, false, false);
        Type("HandlerFactory.Fr");
        keys.Enqueue(tab);   // → "HandlerFactory.From" (what all three share)
        keys.Enqueue(tab);   // nothing more to insert: lists them
        Type("D");
        keys.Enqueue(tab);   // → "FromDelegate"
        keys.Enqueue(new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false));
        var screen = new StringWriter();
        var editor = new ReplLineEditor(keys.Dequeue, screen);

        var line = editor.ReadLine("> ", (text, cursor) => session.Complete(text, cursor));

        Assert.Equal("HandlerFactory.FromDelegate", line);
        Assert.Contains("\nFromAssembly  FromDelegate  FromType\n> ", screen.ToString(), StringComparison.Ordinal);
        Assert.Null(new ReplLineEditor(() => new ConsoleKeyInfo('\u0004', ConsoleKey.D, false, false, true), screen).ReadLine("> ", null));
    }
}
