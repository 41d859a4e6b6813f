using GigaEvo.Core.Experiments;
using GigaEvo.Web.Contracts;

namespace GigaEvo.Web.ViewModels;

/// <summary>The experiments a page's picker offers: the newest page, each with its current status.</summary>
public static class ExperimentChoices
{
    public static async Task<IReadOnlyList<ExperimentDto>> LoadAsync(ExperimentQueries queries) =>
        [.. (await queries.ListAsync(null, 1, ExperimentsViewModel.PageSize)).Items.Select(ExperimentDto.From)];
}
