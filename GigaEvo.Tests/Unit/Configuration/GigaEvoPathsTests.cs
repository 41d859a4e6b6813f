using GigaEvo.Core.Configuration;

namespace GigaEvo.Tests.Unit.Configuration;

public sealed class GigaEvoPathsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gigaevo-paths-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string Make(string relative) => Directory.CreateDirectory(Path.Combine(_root, relative)).FullName;

    [Fact]
    public void Find_FromANestedDirectory_FindsTheFolderInAParent()
    {
        var presets = Make("repo/config/presets");
        var nested = Make("repo/src/deep");

        var found = GigaEvoPaths.Find(GigaEvoPaths.PresetsFolder, null, nested, Make("app"));

        Assert.Equal(presets, found);
    }

    [Fact]
    public void Find_NotAboveTheCurrentDirectory_FallsBackToTheAppFolder()
    {
        var problems = Make("app/problems");

        var found = GigaEvoPaths.Find(GigaEvoPaths.ProblemsFolder, null, Make("elsewhere"), Path.Combine(_root, "app"));

        Assert.Equal(problems, found);
    }

    [Fact]
    public void Find_HomeSet_WinsOverTheCurrentDirectory()
    {
        var home = Make("home");
        var homePresets = Make("home/config/presets");
        var cwd = Make("cwd");
        Make("cwd/config/presets");

        Assert.Equal(homePresets, GigaEvoPaths.Find(GigaEvoPaths.PresetsFolder, home, cwd, cwd));
    }

    [Fact]
    public void Candidates_HomeSet_SearchesOnlyHome()
    {
        var candidates = GigaEvoPaths.Candidates("problems", "/opt/gigaevo", "/work/x", "/app");

        Assert.Equal([Path.GetFullPath("/opt/gigaevo/problems")], candidates);
    }

    [Fact]
    public void FindPresetsDirectory_FromTheTestBinaries_FindsTheRepositoryPresets()
    {
        var found = GigaEvoPaths.Find(GigaEvoPaths.PresetsFolder, null, AppContext.BaseDirectory, AppContext.BaseDirectory);

        Assert.NotNull(found);
        Assert.True(File.Exists(Path.Combine(found, "full_featured.yaml")));
    }
}
