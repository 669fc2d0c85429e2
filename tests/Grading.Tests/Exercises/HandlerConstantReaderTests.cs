using Course.Grading.Compilation;
using Course.Grading.Exercises;

namespace Course.Grading.Tests.Exercises;

public sealed class HandlerConstantReaderTests
{
    private const string Source = """
        namespace Tuning;

        public class Function
        {
            public const int MemoryMB = 256;
            public const bool SnapStart = true;
            public const string Name = "price-api";
            public const double Share = 0.25;
            private const int Hidden = 7;
            internal const int AlsoHidden = 8;
            public static readonly int NotAConstant = 9;

            public Function() => throw new System.InvalidOperationException("INIT must not run to read the configuration");

            public string FunctionHandler(string s) => s;

            public class Nested
            {
                public const int Depth = 2;
            }
        }

        public class Other
        {
            public const int MemoryMB = 4096;
        }
        """;

    private static byte[] Compile()
    {
        var result = new SourceCompiler().CompileLearner([new SourceFile("Function.cs", Source)], "Tuning");
        Assert.True(result.Success, result.RenderDiagnostics());
        return result.Assembly!;
    }

    [Fact]
    public void Read_PublicConstantsOfTheHandlerType_WithoutRunningItsCode()
    {
        var constants = HandlerConstantReader.Read(Compile(), "Tuning.Function");

        Assert.Equal(256, constants["MemoryMB"]);
        Assert.Equal(true, constants["SnapStart"]);
        Assert.Equal("price-api", constants["Name"]);
        Assert.Equal(0.25, constants["Share"]);
        Assert.Equal(["MemoryMB", "Name", "Share", "SnapStart"], constants.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_NestedAndOtherTypes_AreTheirOwn_UnknownTypeIsEmpty()
    {
        var image = Compile();

        Assert.Equal(2, HandlerConstantReader.Read(image, "Tuning.Function+Nested")["Depth"]);
        Assert.Equal(4096, HandlerConstantReader.Read(image, "Tuning.Other")["MemoryMB"]);
        Assert.Empty(HandlerConstantReader.Read(image, "Tuning.Missing"));
    }
}
