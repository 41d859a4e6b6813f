using System.Diagnostics;
using GigaEvo.Core.Configuration;
using GigaEvo.Core.Mutation;
using GigaEvo.Core.Problems;
using GigaEvo.Core.Programs;

namespace GigaEvo.Tests.Unit.Mutation;

public sealed class LocalNumericMutatorTests
{
    private const string Parent = """
        import numpy as np
        LIMIT = 100  # outside the block: never touched
        # EVOLVE-BLOCK-START
        def entrypoint():
            alpha = 0.5
            steps = 3
            tiny = 1e-4
            zero = 0.0
            label = "keep 42 as is"
            return alpha * steps + tiny + zero  # 7 in a comment
        # EVOLVE-BLOCK-END
        """;

    private static readonly ProblemDefinition Problem = new()
    {
        Name = "t",
        Directory = "/tmp",
        TaskDescription = "t",
        Metrics = [new MetricSpec { Name = "fitness", IsPrimary = true, LowerBound = 0, UpperBound = 1, SentinelValue = -1 }],
        ValidatorPath = "/tmp/validate.py",
        InitialPrograms = [],
    };

    private static MutationRequest Request(int seed) => new(Problem,
        [new EvolvedProgram { Id = Guid.NewGuid(), Code = Parent, CreatedAt = DateTimeOffset.UnixEpoch, Lineage = new Lineage { MutationKind = "initial" } }],
        new MutationSettings(), new Random(seed));

    [Fact]
    public async Task Mutate_ChangesOnlyLiteralsInsideTheBlock_AndRecordsItsKind()
    {
        var mutator = new LocalNumericMutator();
        for (var seed = 0; seed < 50; seed++)
        {
            var child = await mutator.MutateAsync(Request(seed), CancellationToken.None);
            Assert.NotNull(child);
            Assert.Equal(LocalNumericMutator.Kind, child.Kind);
            Assert.NotEqual(Parent, child.Code);
            Assert.Contains("LIMIT = 100", child.Code);
            Assert.Contains("\"keep 42 as is\"", child.Code);
            Assert.Contains("# 7 in a comment", child.Code);
        }
    }

    [Fact]
    public async Task Mutate_SameSeed_SameChild()
    {
        var mutator = new LocalNumericMutator();
        var a = await mutator.MutateAsync(Request(7), CancellationToken.None);
        var b = await mutator.MutateAsync(Request(7), CancellationToken.None);
        Assert.Equal(a!.Code, b!.Code);
    }

    [Fact]
    public async Task Mutate_NoLiterals_ReturnsNull()
    {
        var request = Request(1) with { Parents = [Request(1).Parents[0] with { Code = "def entrypoint():\n    return x\n" }] };
        Assert.Null(await new LocalNumericMutator().MutateAsync(request, CancellationToken.None));
    }

    [Fact]
    public async Task Mutate_ManyGenerations_AlwaysYieldsCodeThatPythonParses()
    {
        var mutator = new LocalNumericMutator();
        var dir = Directory.CreateTempSubdirectory("gigaevo-parse-").FullName;
        var code = Parent;
        var files = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var request = Request(i) with { Parents = [Request(i).Parents[0] with { Code = code }] };
            code = (await mutator.MutateAsync(request, CancellationToken.None))!.Code;
            var path = Path.Combine(dir, $"m{i}.py");
            await File.WriteAllTextAsync(path, code);
            files.Add(path);
        }
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import ast, sys\nfor p in sys.argv[1:]:\n    ast.parse(open(p).read(), p)\n");
        files.ForEach(psi.ArgumentList.Add);
        using var python = Process.Start(psi)!;
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, errors);
    }
}
