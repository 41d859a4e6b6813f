using GigaEvo.Core.Experiments;
using GigaEvo.Web.ViewModels;
using Microsoft.Extensions.DependencyInjection;

namespace GigaEvo.Tests.Web.ViewModels;

/// <summary>The pages' logic through their view models, on the real services, without rendering.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ViewModelTests(PlatformFixture fixture) : IDisposable
{
    private readonly IServiceScope _scope = fixture.Factory.Services.CreateScope();

    private T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public void Dispose() => _scope.Dispose();

    [Fact]
    public async Task Experiments_FilterActionsAndLiveRows()
    {
        using var vm = Get<ExperimentsViewModel>();
        var created = await fixture.Client.CreateTrivialAsync(generations: 1);
        await vm.LoadAsync("initialized");
        Assert.Equal("INITIALIZED", vm.StatusFilter);
        Assert.All(vm.Items, i => Assert.Equal("INITIALIZED", i.Status));
        var row = Assert.Single(vm.Items, i => i.Id == created.Id);
        Assert.True(ExperimentActions.CanStart(row));
        Assert.False(ExperimentActions.CanStop(row));
        Assert.Equal(StatusTone.Neutral, StatusTones.Of(row.Status));

        await vm.LoadAsync(null);
        var completed = new TaskCompletionSource();
        vm.Changed += () =>
        {
            if (vm.Items.FirstOrDefault(i => i.Id == created.Id) is { Status: "COMPLETED" })
            {
                completed.TrySetResult();
            }
            return Task.CompletedTask;
        };
        Assert.True(await vm.StartAsync(created.Id));
        Assert.Equal($"{created.Id} queued", vm.Message);
        await completed.Task.WaitAsync(Api.RunTimeout); // the row followed the events, no reload asked
        var done = vm.Items.Single(i => i.Id == created.Id);
        Assert.Equal(1.0, done.Progress);
        Assert.True(ExperimentActions.CanRestart(done));
        Assert.False(ExperimentActions.CanStart(done));

        Assert.False(await vm.StartAsync(created.Id));
        Assert.Contains("COMPLETED", vm.Error);
        await vm.LoadAsync("nonsense");
        Assert.Null(vm.StatusFilter);
        Assert.Contains("nonsense", vm.Error);
        Assert.Contains(vm.Total.ToString(System.Globalization.CultureInfo.InvariantCulture), vm.DropAllConfirmation);
        Assert.True(await vm.DeleteAsync(created.Id));
        Assert.DoesNotContain(vm.Items, i => i.Id == created.Id);
    }

    [Fact]
    public async Task Create_ValidatesFieldsAppliesTemplatesAndSubmits()
    {
        using var vm = Get<CreateExperimentViewModel>();
        await vm.LoadAsync();
        Assert.Contains(vm.Templates, t => t.Name == "iris");
        Assert.Contains("base", vm.Presets);
        Assert.Contains(vm.ExampleProblems, p => p.Name == "trivial");
        Assert.Equal([Models.LocalOperator], vm.ModelChoices);

        Assert.False(await vm.SubmitAsync());
        Assert.NotNull(vm.ErrorFor("name"));
        Assert.NotNull(vm.ErrorFor("datasetId"));
        Assert.Null(vm.ErrorFor("generations"));

        Assert.True(await vm.ApplyTemplateAsync("iris"));
        Assert.Equal("species", vm.Form.TargetColumn);
        Assert.Contains("species", vm.TargetColumns);
        Assert.Equal(150, vm.Dataset!.Rows);
        Assert.Equal(10, vm.Dataset.Preview!.Rows.Count);
        Assert.Contains("f1_macro", vm.MetricChoices);
        vm.SetTaskType("regression");
        Assert.Null(vm.Form.Metric); // f1_macro is no regression metric
        vm.SetTaskType("classification");
        vm.Form.Name = "Iris from the wizard";
        vm.Form.Generations = 1;
        Assert.True(await vm.SubmitAsync(), vm.Error);
        Assert.Equal("INITIALIZED", vm.Created!.Status);
        Assert.Equal("Iris from the wizard", vm.Created.Name);

        Assert.False(await vm.UploadDatasetAsync(new MemoryStream("1,2\n3,4\n"u8.ToArray()), "numbers.csv"));
        Assert.Contains("no header", vm.ErrorFor("file"));
        Assert.True(await vm.UploadDatasetAsync(new MemoryStream(TestProblems.ClassificationCsv()), "shapes.csv"));
        Assert.Equal("label", vm.Form.TargetColumn);
        Assert.Equal(vm.Dataset!.Id, vm.Form.DatasetId);

        Assert.True(await vm.UploadProblemAsync(new MemoryStream(TestProblems.SlowProblemZip()), "slow.zip"));
        Assert.True(vm.Form.IsCustom);
        Assert.Equal(["fitness"], vm.MetricChoices);
        vm.Form.OverridesText = "not-a-pair";
        Assert.False(vm.Validate());
        Assert.NotNull(vm.ErrorFor("overrides"));
    }

    [Fact]
    public async Task TrackingAndResults_FollowARunLive()
    {
        var experiment = await fixture.Client.CreateTrivialAsync(generations: 2);
        using var tracking = Get<TrackingViewModel>();
        using var results = Get<ResultsViewModel>();
        using var picker = Get<ResultsViewModel>();
        await tracking.LoadChoicesAsync();
        await tracking.LoadAsync(experiment.Id);
        await results.LoadAsync(experiment.Id);
        await picker.LoadChoicesAsync(); // the picker alone, no selection: it still follows statuses
        Assert.Equal("INITIALIZED", picker.Choices.Single(c => c.Id == experiment.Id).Status);
        Assert.Empty(tracking.BestSeries);
        Assert.Null(results.Best);
        Assert.False(results.CanDownload);
        Assert.False(tracking.ShowTokens);

        var chartFull = new TaskCompletionSource();
        tracking.Changed += () =>
        {
            if (tracking.BestSeries.Count == 3 && tracking.Experiment!.Status == "COMPLETED")
            {
                chartFull.TrySetResult();
            }
            return Task.CompletedTask;
        };
        await fixture.Client.RunToCompletionAsync(experiment.Id);
        await chartFull.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([0, 1, 2], tracking.BestSeries.Select(p => p.Generation));
        Assert.Equal("COMPLETED", tracking.Choices.Single(c => c.Id == experiment.Id).Status);
        // Each subscriber handles the event on its own: wait for the picker's turn.
        for (var deadline = DateTime.UtcNow.AddSeconds(10); picker.Choices.Single(c => c.Id == experiment.Id).Status != "COMPLETED" && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(50);
        }
        Assert.Equal("COMPLETED", picker.Choices.Single(c => c.Id == experiment.Id).Status);
        Assert.Equal(3, tracking.MeanSeries.Count);
        Assert.Equal(2 + 2 * 8, tracking.RecentPrograms.Count); // fewer than RecentCount programs in all
        Assert.Contains(tracking.Cards, c => c.Title == "Generations" && c.Value == "2 / 2");
        Assert.DoesNotContain(tracking.Cards, c => c.Title == "Tokens");

        // A fresh view model of the finished run reads the same chart from the run folder.
        using var reloaded = Get<TrackingViewModel>();
        await reloaded.LoadAsync(experiment.Id);
        Assert.Equal(tracking.BestSeries, reloaded.BestSeries);

        Assert.NotNull(results.Best);
        Assert.True(results.CanDownload);
        Assert.Equal($"/api/v1/experiments/{experiment.Id}/archive", results.ArchiveUrl);
        Assert.Equal(results.Best!.Fitness, tracking.Experiment!.Results.BestMetric);

        await tracking.LoadAsync("EXP-20000101-0000");
        Assert.Null(tracking.Experiment);
        Assert.Contains("not found", tracking.Error);
    }

    [Fact]
    public async Task Tracking_GenerationEvent_AddsOrReplacesItsChartPoint()
    {
        var experiment = await fixture.Client.CreateTrivialAsync();
        using var vm = Get<TrackingViewModel>();
        await vm.LoadAsync(experiment.Id);
        var at = DateTimeOffset.UtcNow;
        await vm.HandleAsync(new GenerationSummary(experiment.Id, at, 1, 5, 0.5, 0.25, 3, 1, 4, 3, 0.1));
        await vm.HandleAsync(new GenerationSummary(experiment.Id, at, 0, 5, 0.4, 0.2, 2, 0, 2, 2, 0.1));
        await vm.HandleAsync(new GenerationSummary(experiment.Id, at, 1, 5, 0.6, 0.3, 3, 1, 4, 3, 0.1));
        await vm.HandleAsync(new GenerationSummary("EXP-OTHER", at, 2, 5, 0.9, 0.9, 3, 1, 4, 3, 0.1));
        Assert.Equal([new ChartPoint(0, 0.4), new ChartPoint(1, 0.6)], vm.BestSeries);
        Assert.Equal([new ChartPoint(0, 0.2), new ChartPoint(1, 0.3)], vm.MeanSeries);
    }

    [Fact]
    public async Task RunnersAndMonitoring_ShowInstancesLogsHealthAndQueues()
    {
        using var runners = Get<RunnersViewModel>();
        await runners.LoadAsync();
        var local = Assert.Single(runners.Instances, i => i.IsLocal);
        Assert.Equal(PlatformFactory.RunnerName, runners.SelectedId);
        Assert.Equal(StatusTone.Success, StatusTones.OfRunner(local.Status));
        Assert.True(runners.Health.Active >= 1);
        await runners.SelectAsync(local.Id, 50);
        Assert.Equal(50, runners.LogLineCount);
        Assert.InRange(runners.Logs.Count, 1, 50);
        Assert.False(await runners.StopAsync("nope"));
        Assert.Contains("not found", runners.Error);

        using var monitoring = Get<MonitoringViewModel>();
        await monitoring.LoadAsync();
        Assert.Equal(5, monitoring.Status!.Components.Count);
        Assert.Equal("Healthy", monitoring.Status.Status);
        Assert.NotNull(monitoring.Queues);
        Assert.Equal("/hangfire", MonitoringViewModel.HangfireDashboardUrl);
        Assert.All(monitoring.JobLog, l => Assert.Contains(MonitoringViewModel.JobLogCategories, c => l.Category.StartsWith(c, StringComparison.Ordinal)));
    }
}
