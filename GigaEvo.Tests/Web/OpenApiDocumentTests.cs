using System.Text.Json;

namespace GigaEvo.Tests.Web;

/// <summary>The OpenAPI document describes downloads and uploads as a client must send and read them.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OpenApiDocumentTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Document_ArchiveIsZip_UploadsAreMultipartWithAFileField()
    {
        var document = JsonDocument.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");
        var archive = paths.GetProperty("/api/v1/experiments/{id}/archive").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(archive.GetProperty("content").TryGetProperty("application/zip", out _), archive.ToString());
        foreach (var upload in new[] { "/api/v1/datasets", "/api/v1/problems" })
        {
            var body = paths.GetProperty(upload).GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data");
            var schema = body.GetProperty("schema");
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
            }
            Assert.True(schema.GetProperty("properties").TryGetProperty("file", out _), schema.ToString());
            Assert.Contains("file", schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        }
    }
}
