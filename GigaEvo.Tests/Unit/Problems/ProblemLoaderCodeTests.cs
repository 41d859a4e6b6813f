using static GigaEvo.Tests.Unit.Problems.LoaderHarness;
using static GigaEvo.Tests.Unit.Problems.ProblemDirectory;

namespace GigaEvo.Tests.Unit.Problems;

public sealed class ProblemLoaderCodeTests
{
    [Theory]
    [InlineData("validate.py", "def validate(output)\n    return {}\n", "validate.py: line 1, column 21: SyntaxError: expected ':'")]
    [InlineData("context.py", "def build_context():\nreturn 1\n", "context.py: line 2, column 1: IndentationError: expected an indented block")]
    [InlineData("helper.py", "x = (1,\n", "helper.py: line 1, column 5: SyntaxError: '(' was never closed")]
    [InlineData("initial_programs/b_grid.py", "def entrypoint():\n    return [1, 2\n", "initial_programs/b_grid.py: line 2, column 12: SyntaxError: '[' was never closed")]
    [InlineData("initial_programs/b_grid.py", "return 1\n", "initial_programs/b_grid.py: line 1, column 1: SyntaxError: 'return' outside function")]
    public async Task LoadAsync_PythonSyntaxError_ReportsFileLineAndMessage(string file, string code, string expected)
    {
        using var problem = CreateValid().WithContext().Write(file, code);

        var ex = await LoadInvalidAsync(problem);

        AssertSingleDefect(ex, expected);
    }

    [Fact]
    public async Task LoadAsync_ValidatorWithoutValidate_ReportsIt()
    {
        using var problem = CreateValid().Write("validate.py", "def check(output):\n    return {}\n\nvalidate = check\n");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(["validate.py does not define a top-level function 'validate(output)' or 'validate(context, output)'"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_NestedValidate_NotTopLevel_ReportsIt()
    {
        using var problem = CreateValid().Write("validate.py", "class V:\n    def validate(self, output):\n        return {}\n");

        var ex = await LoadInvalidAsync(problem);

        AssertSingleDefect(ex, "validate.py does not define a top-level function 'validate(output)'");
    }

    [Theory]
    [InlineData("def validate():", "'validate' takes 0 positional parameter(s); expected validate(output) or validate(context, output)")]
    [InlineData("def validate(a, b, c):", "'validate' takes 3 positional parameter(s); expected validate(output) or validate(context, output)")]
    [InlineData("async def validate(output):", "'validate' is declared with 'async def'; it must be a plain 'def'")]
    [InlineData("def validate(output, *, strict):", "'validate' has 1 required keyword-only parameter(s); it is called with positional arguments only")]
    public async Task LoadAsync_ValidateWithWrongSignature_ReportsIt(string def, string expected)
    {
        using var problem = CreateValid().Write("validate.py", $"import math\n\n{def}\n    return {{}}\n");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal([$"validate.py line 3: {expected}"], ex.Defects);
    }

    [Theory]
    [InlineData("def validate(output, strict=False):")]
    [InlineData("def validate(output, /):")]
    [InlineData("def validate(*args):")]
    public async Task LoadAsync_ValidateCallableWithOneArgument_Accepted(string def)
    {
        using var problem = CreateValid().Write("validate.py", $"{def}\n    return {{}}\n");

        var definition = await CreateLoader().LoadAsync(problem.Path);

        Assert.False(definition.ValidatorTakesContext);
    }

    [Fact]
    public async Task LoadAsync_ContextButValidateTakesOutputOnly_ReportsMismatch()
    {
        using var problem = CreateValid().WithContext().Write("validate.py", "def validate(output):\n    return {}\n");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(
            ["validate.py line 1: 'validate' takes 1 parameter (output), but the problem has context.py, so it is called as validate(context, output); declare validate(context, output) or remove context.py"],
            ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_ValidateTakesContextWithoutContextFile_ReportsMismatch()
    {
        using var problem = CreateValid().Write("validate.py", "def validate(context, output):\n    return {}\n");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(
            ["validate.py line 1: 'validate' takes 2 parameters (context, output), but the problem has no context.py to build the context; add context.py with build_context() or declare validate(output)"],
            ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_ContextWithoutBuildContext_ReportsIt()
    {
        using var problem = CreateValid().WithContext().Write("context.py", "def make_context():\n    return {}\n");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(["context.py does not define a top-level function 'build_context()'"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_BuildContextWithParameters_ReportsIt()
    {
        using var problem = CreateValid().WithContext().Write("context.py", "def build_context(seed):\n    return {}\n");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(["context.py line 1: 'build_context' takes 1 parameter(s); it is called with none"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_ProgramWithoutEntrypoint_ReportsIt()
    {
        using var problem = CreateValid().Write("initial_programs/b_grid.py", "def main():\n    return []\n");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(["initial_programs/b_grid.py does not define a top-level function 'entrypoint()' or 'entrypoint(context)'"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_EntrypointWithTwoParameters_ReportsIt()
    {
        using var problem = CreateValid().WithContext().Write("initial_programs/a_random.py", "def entrypoint(context, seed):\n    return []\n");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(["initial_programs/a_random.py line 1: 'entrypoint' takes 2 positional parameter(s); expected entrypoint() or entrypoint(context)"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_EntrypointTakesContextWithoutContextFile_ReportsIt()
    {
        using var problem = CreateValid().Write("initial_programs/a_random.py", "def entrypoint(context):\n    return []\n");

        var ex = await LoadInvalidAsync(problem);

        Assert.Equal(["initial_programs/a_random.py line 1: 'entrypoint' takes a context parameter, but the problem has no context.py; declare entrypoint()"], ex.Defects);
    }

    [Fact]
    public async Task LoadAsync_ProgramCode_IsNeverExecuted()
    {
        using var problem = CreateValid();
        var marker = Path.Combine(problem.Path, "executed.txt");
        var code = $"open({System.Text.Json.JsonSerializer.Serialize(marker)}, 'w').write('ran')\n\ndef entrypoint():\n    return []\n";
        problem.Write("initial_programs/b_grid.py", code).Write("validate.py", code.Replace("entrypoint()", "validate(output)", StringComparison.Ordinal));

        await CreateLoader().LoadAsync(problem.Path);

        Assert.False(File.Exists(marker));
    }
}
