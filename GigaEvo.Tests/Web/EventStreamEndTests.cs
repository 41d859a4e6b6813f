using System.Net;

namespace GigaEvo.Tests.Web;

/// <summary>The event stream's framing: <c>id:</c> lines, a keep-alive comment while quiet, and its end when the experiment is deleted.</summary>
[Collection(PlatformCollection.Name)]
public sealed class EventStreamEndTests(PlatformFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Events_QuietThenDeleted_NumbersEventsKeepsAliveAndEndsWithDeleted()
    {
        var experiment = await _client.CreateTrivialAsync(generations: 1);
        using var response = await _client.GetAsync($"/api/v1/experiments/{experiment.Id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("id: 1", await ReadLineAsync(reader, TimeSpan.FromSeconds(10)));
        Assert.Equal("event: status", await ReadLineAsync(reader, TimeSpan.FromSeconds(1)));
        Assert.Contains("\"to\":\"INITIALIZED\"", await ReadLineAsync(reader, TimeSpan.FromSeconds(1)), StringComparison.Ordinal);
        Assert.Equal("", await ReadLineAsync(reader, TimeSpan.FromSeconds(1)));

        // Nothing happens to an INITIALIZED experiment: the stream says it is alive within 15 s.
        Assert.Equal(": keep-alive", await ReadLineAsync(reader, TimeSpan.FromSeconds(20)));
        Assert.Equal("", await ReadLineAsync(reader, TimeSpan.FromSeconds(1)));

        using (var delete = await _client.DeleteAsync($"/api/v1/experiments/{experiment.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }
        Assert.Equal("id: 2", await ReadLineAsync(reader, TimeSpan.FromSeconds(10)));
        Assert.Equal("event: deleted", await ReadLineAsync(reader, TimeSpan.FromSeconds(1)));
        Assert.Contains($"\"experimentId\":\"{experiment.Id}\"", await ReadLineAsync(reader, TimeSpan.FromSeconds(1)), StringComparison.Ordinal);
        Assert.Equal("", await ReadLineAsync(reader, TimeSpan.FromSeconds(1)));
        Assert.Null(await ReadLineAsync(reader, TimeSpan.FromSeconds(10))); // the stream ended
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await reader.ReadLineAsync(cts.Token);
    }
}
