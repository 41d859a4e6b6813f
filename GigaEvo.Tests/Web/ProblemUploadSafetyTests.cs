using System.IO.Compression;
using System.Net;

namespace GigaEvo.Tests.Web;

/// <summary>Problem zips that would write too much, too many files, or outside their folder are refused and leave nothing.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProblemUploadSafetyTests(PlatformFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private string UploadsFolder => Path.Combine(fixture.Factory.DataDirectory, "artifacts", "uploads", "problems");

    private string[] Uploaded() => Directory.Exists(UploadsFolder) ? [.. Directory.EnumerateFileSystemEntries(UploadsFolder).Order()] : [];

    [Fact]
    public async Task Upload_ZipBomb_Returns413AndLeavesNothing()
    {
        var before = Uploaded();
        // 20 MiB of zeros packs into a few KiB; the test limit is 5 MiB unpacked.
        var zip = Build(archive =>
        {
            AddText(archive, "bomb/task_description.txt", "Big.");
            using var stream = archive.CreateEntry("bomb/data.bin", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 20; i++)
            {
                stream.Write(zeros);
            }
        });
        Assert.True(zip.Length < 1024 * 1024);
        using var response = await _client.PostAsync("/api/v1/problems", Api.FileContent(zip, "bomb.zip"));
        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("Platform:MaxProblemUnpackedMb", problem.GetProperty("detail").GetString());
        Assert.Equal(before, Uploaded());
    }

    [Fact]
    public async Task Upload_TooManyEntries_Returns413AndLeavesNothing()
    {
        var before = Uploaded();
        var zip = Build(archive =>
        {
            for (var i = 0; i < 2001; i++)
            {
                AddText(archive, $"many/f{i}.txt", "");
            }
        });
        using var response = await _client.PostAsync("/api/v1/problems", Api.FileContent(zip, "many.zip"));
        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("Platform:MaxProblemEntries", problem.GetProperty("detail").GetString());
        Assert.Equal(before, Uploaded());
    }

    [Theory]
    [InlineData("../evil.py")]
    [InlineData("ok/../../evil.py")]
    [InlineData("/tmp/gigaevo-evil.py")]
    public async Task Upload_EntryOutsideTheFolder_Returns400AndLeavesNothing(string entry)
    {
        var before = Uploaded();
        var zip = Build(archive =>
        {
            AddText(archive, "task_description.txt", "Evil.");
            AddText(archive, entry, "print('escaped')");
        });
        using var response = await _client.PostAsync("/api/v1/problems", Api.FileContent(zip, "evil.zip"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("outside", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(before, Uploaded());
        Assert.False(File.Exists(Path.Combine(UploadsFolder, "evil.py")));
        Assert.False(File.Exists("/tmp/gigaevo-evil.py"));
    }

    private static byte[] Build(Action<ZipArchive> fill)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            fill(archive);
        }
        return memory.ToArray();
    }

    private static void AddText(ZipArchive archive, string name, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open());
        writer.Write(text);
    }
}
