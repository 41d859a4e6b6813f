using GigaEvo.Core.Mutation;
using GigaEvo.Core.Mutation.Llm;
using GigaEvo.Core.Programs;
using GigaEvo.Tests.Integration.Llm;
using GigaEvo.Tests.Unit.Configuration;

namespace GigaEvo.Tests.Unit.Llm;

public sealed class PromptBuilderTests
{
    private static readonly MutationSettingsFixture Fixture = new();

    private static PromptBuilder Builder(int budget = 12000, string? problemDir = null) => new(PromptTemplates.Load(problemDir), budget);

    /// <summary>initial (gen 0) → diff (gen 1, better) → rewrite (gen 2, worse on abs_error) → the parent (gen 3, invalid).</summary>
    private static (EvolvedProgram Parent, Dictionary<Guid, EvolvedProgram> Programs) Lineage()
    {
        var g0 = AgentHarness.Program(fitness: 0.17901);
        var g1 = AgentHarness.Program(AgentHarness.ParentCode.Replace("1.0", "3.0", StringComparison.Ordinal), fitness: 0.98, generation: 1, kind: "llm_diff", parent: g0.Id, model: "cheap", note: "X to 3");
        var g2 = AgentHarness.Program(AgentHarness.ParentCode.Replace("1.0", "3.5", StringComparison.Ordinal), fitness: 0.89, generation: 2, kind: "llm_rewrite", parent: g1.Id, model: "strong", note: "X to 3.5");
        var parent = AgentHarness.Program(AgentHarness.ParentCode.Replace("1.0", "'pi'", StringComparison.Ordinal), fitness: 0.5, generation: 3, kind: "llm_diff", parent: g2.Id, model: "cheap") with
        {
            Metrics = new() { ["fitness"] = -1, ["is_valid"] = 0, ["abs_error"] = 1001 },
            Stages = new()
            {
                ["validate"] = new StageResult { Status = StageStatus.Failed, Error = "TypeError: unsupported operand", Traceback = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"  frame {i}")) + "\nTypeError: unsupported operand type(s) for -: 'str' and 'float'" },
            },
            Insights = [new ProgramInsight("bug", "high", "X is a string; return a float.")],
        };
        return (parent, new[] { g0, g1, g2, parent }.ToDictionary(p => p.Id));
    }

    [Fact]
    public void Build_SystemPart_HasRoleTaskEveryMetricWithDirectionBoundsUnitAndTheContract()
    {
        var (parent, programs) = Lineage();
        var system = Builder().Build(Request(parent, programs), MutationMode.Diff)[0];

        Assert.Equal(LlmRole.System, system.Role);
        Assert.Contains("evolutionary search", system.Content, StringComparison.Ordinal);
        Assert.Contains("Return a number as close to pi as possible.", system.Content, StringComparison.Ordinal);
        Assert.Contains("`fitness` (primary: the fitness that selection maximises): 1 / (1 + (x - pi)^2) — higher is better; bounds [0, 1]; unit score", system.Content, StringComparison.Ordinal);
        Assert.Contains("`abs_error`: |x - pi| — lower is better; bounds [0, 1000]", system.Content, StringComparison.Ordinal);
        Assert.Contains("<<<<<<< SEARCH", system.Content, StringComparison.Ordinal);
        Assert.Contains("Only lines between `# EVOLVE-BLOCK-START`", system.Content, StringComparison.Ordinal);
        Assert.Contains("`entrypoint()`", system.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UserPart_HasCodeResultsErrorTracebackTailInsightsAndLineageDeltas()
    {
        var (parent, programs) = Lineage();
        var user = Builder().Build(Request(parent, programs), MutationMode.Rewrite)[1].Content;

        Assert.Contains("X = 'pi'", user, StringComparison.Ordinal);
        Assert.Contains("Results: fitness=-1, is_valid=0, abs_error=1001", user, StringComparison.Ordinal);
        Assert.Contains("This program failed: validate: TypeError: unsupported operand", user, StringComparison.Ordinal);
        Assert.Contains("for -: 'str' and 'float'", user, StringComparison.Ordinal);
        Assert.DoesNotContain("frame 20\n", user, StringComparison.Ordinal); // only the tail of the traceback
        Assert.Contains("- bug/high: X is a string; return a float.", user, StringComparison.Ordinal);
        Assert.Contains("generation 1, made by llm_diff by cheap (X to 3): fitness 0.17901 → 0.98 (raised, better); abs_error 2.14156 → 0.142857 (lowered, better).", user, StringComparison.Ordinal);
        Assert.Contains("generation 2, made by llm_rewrite by strong (X to 3.5): fitness 0.98 → 0.89 (lowered, worse)", user, StringComparison.Ordinal);
        Assert.Contains("generation 3, made by llm_diff by cheap: made the program invalid (validate: TypeError: unsupported operand).", user, StringComparison.Ordinal);
        Assert.True(user.IndexOf("generation 1,", StringComparison.Ordinal) < user.IndexOf("generation 2,", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_OverTheTokenBudget_DropsTheOldestContextFirstAndSaysSo()
    {
        var (parent, programs) = Lineage();
        var full = Builder().Build(Request(parent, programs), MutationMode.Diff);
        var size = full.Sum(m => PromptBuilder.EstimateTokens(m.Content));

        var trimmed = Builder(budget: size - 20).Build(Request(parent, programs), MutationMode.Diff)[1].Content;

        Assert.DoesNotContain("generation 1,", trimmed, StringComparison.Ordinal);
        Assert.Contains("generation 3,", trimmed, StringComparison.Ordinal);
        Assert.Contains("X is a string", trimmed, StringComparison.Ordinal);
        Assert.Contains("older context item(s) were left out", trimmed, StringComparison.Ordinal);

        var minimal = Builder(budget: 500).Build(Request(parent, programs), MutationMode.Diff)[1].Content;
        Assert.Contains("X = 'pi'", minimal, StringComparison.Ordinal); // the parent itself is never dropped
        Assert.DoesNotContain("X is a string", minimal, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProblemPromptsFolder_OverridesThatFileOnly()
    {
        var dir = Directory.CreateTempSubdirectory("gigaevo-prompts-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "prompts"));
        File.WriteAllText(Path.Combine(dir, "prompts", "system.md"), "You are a pi expert.\n{{task_description}}\n{{metrics}}\n{{entrypoint}}\n{{output_contract}}\n");
        var (parent, programs) = Lineage();

        var messages = Builder(problemDir: dir).Build(Request(parent, programs), MutationMode.Diff);

        Assert.StartsWith("You are a pi expert.", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("# Parent program", messages[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnknownPlaceholder_IsAnErrorNamingIt()
    {
        var dir = Directory.CreateTempSubdirectory("gigaevo-prompts-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "prompts"));
        File.WriteAllText(Path.Combine(dir, "prompts", "omitted.md"), "{{cuont}} left out");

        var error = Assert.Throws<InvalidOperationException>(() => PromptTemplates.Load(dir).Render("omitted", new Dictionary<string, string> { ["count"] = "1" }));

        Assert.Contains("{{cuont}}", error.Message, StringComparison.Ordinal);
    }

    private static MutationRequest Request(EvolvedProgram parent, Dictionary<Guid, EvolvedProgram> programs) =>
        new(AgentHarness.Problem(), [parent], Fixture.Settings, new Random(1), programs);

    private sealed class MutationSettingsFixture
    {
        public Core.Configuration.MutationSettings Settings { get; } = PresetFolders.Compose().Settings.Mutation;
    }
}
