using System.Collections.Concurrent;
using GigaEvo.Core.Pipeline;
using GigaEvo.Core.Programs;
using static GigaEvo.Tests.Unit.Pipeline.FakeStages;

namespace GigaEvo.Tests.Unit.Pipeline;

public sealed partial class DagRunnerTests
{
    // ---- validation -------------------------------------------------------------------------------------

    [Fact]
    public void Validate_EdgeNamesUnknownStage_ThrowsNamingTheStage()
    {
        var dag = new PipelineDag().Add(Returns("a", "x")).After("a", "ghost");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("unknown stage 'ghost'", error.Message);
    }

    [Fact]
    public void Validate_DataEdgeFromUnknownStage_ThrowsNamingTheStage()
    {
        var dag = new PipelineDag().Add(Returns("b", "x", inputs: Input<int>("n", optional: true))).Data("nowhere", "b", "n");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("unknown stage 'nowhere'", error.Message);
    }

    [Fact]
    public void Validate_DataEdgeTypeMismatch_ThrowsNamingBothTypes()
    {
        var dag = new PipelineDag()
            .Add(Returns("a", "text"))
            .Add(Returns("b", 1, inputs: Input<int>("n")))
            .Data("a", "b", "n");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("data edge a -> b.n", error.Message);
        Assert.Contains("String is not a Int32", error.Message);
    }

    [Fact]
    public void Validate_DataEdgeToSubtypeInput_IsAccepted()
    {
        var dag = new PipelineDag()
            .Add(Returns("a", "text"))
            .Add(Returns("b", 1, inputs: Input<object>("any")))
            .Data("a", "b", "any");

        Assert.Equal(new[] { "a", "b" }, dag.Validate());
    }

    [Fact]
    public void Validate_DataEdgeToUndeclaredInput_ThrowsNamingTheInput()
    {
        var dag = new PipelineDag().Add(Returns("a", "x")).Add(Returns("b", "y")).Data("a", "b", "missing");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("stage 'b' has no input 'missing'", error.Message);
    }

    [Fact]
    public void Validate_UnboundRequiredInput_ThrowsNamingTheInput()
    {
        var dag = new PipelineDag().Add(Returns("b", "y", inputs: Input<string>("text")));

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("required input 'text' of stage 'b' has no data edge", error.Message);
    }

    [Fact]
    public void Validate_UnboundOptionalInput_IsAccepted()
    {
        var dag = new PipelineDag().Add(Returns("b", "y", inputs: Input<string>("text", optional: true)));

        Assert.Equal(new[] { "b" }, dag.Validate());
    }

    [Fact]
    public void Validate_InputFedTwice_ThrowsWithTheFeedCount()
    {
        var dag = new PipelineDag()
            .Add(Returns("a1", "x"))
            .Add(Returns("a2", "y"))
            .Add(Returns("b", "z", inputs: Input<string>("text")))
            .Data("a1", "b", "text")
            .Data("a2", "b", "text");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("input 'text' of stage 'b' is fed by 2 edges", error.Message);
    }

    [Fact]
    public void Validate_Cycle_ThrowsNamingTheStagesOnIt()
    {
        var dag = new PipelineDag()
            .Add(Returns("start", "s"))
            .Add(Returns("a", "x"))
            .Add(Returns("b", "y"))
            .Add(Returns("c", "z"))
            .After("start", "a")
            .After("a", "b")
            .After("b", "c")
            .After("c", "a", ExecutionCondition.Always);

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("cycle among stages: a, b, c", error.Message);
        Assert.DoesNotContain("start", error.Message);
    }

    [Fact]
    public void Validate_SelfLoop_ThrowsAsACycle()
    {
        var dag = new PipelineDag().Add(Returns("a", "x")).After("a", "a");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("cycle among stages: a", error.Message);
    }

    [Fact]
    public void Validate_SeveralDefects_ReportsEachOne()
    {
        var dag = new PipelineDag()
            .Add(Returns("a", "x"))
            .Add(Returns("b", 1, inputs: Input<int>("n")))
            .Add(Returns("c", "z", inputs: Input<string>("text")))
            .Data("a", "b", "n")
            .After("a", "ghost");

        var error = Assert.Throws<InvalidOperationException>(() => dag.Validate());

        Assert.Contains("unknown stage 'ghost'", error.Message);
        Assert.Contains("String is not a Int32", error.Message);
        Assert.Contains("required input 'text' of stage 'c'", error.Message);
    }

    [Fact]
    public void Add_SameNameTwice_Throws()
    {
        var dag = new PipelineDag().Add(Returns("a", "x"));

        var error = Assert.Throws<InvalidOperationException>(() => dag.Add(Returns("a", "y")));

        Assert.Contains("stage 'a' is added twice", error.Message);
    }

    [Fact]
    public void Constructor_InvalidDag_ThrowsBeforeAnythingRuns()
    {
        var stage = Returns("a", "x");
        var dag = new PipelineDag().Add(stage).After("a", "a");

        Assert.Throws<InvalidOperationException>(() => Runner(dag));
        Assert.Equal(0, stage.Invocations);
    }

    [Fact]
    public void Order_Diamond_PutsEveryStageAfterItsPredecessors()
    {
        var dag = new PipelineDag()
            .Add(Returns("sink", "s"))
            .Add(Returns("right", "r"))
            .Add(Returns("left", "l"))
            .Add(Returns("source", "x"))
            .After("source", "left")
            .After("source", "right")
            .After("left", "sink")
            .After("right", "sink", ExecutionCondition.Always);

        var order = Runner(dag).Order;

        Assert.Equal(4, order.Count);
        Assert.Equal("source", order[0]);
        Assert.Equal("sink", order[3]);
    }
}
