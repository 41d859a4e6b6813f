using System.Text.Json;

namespace GigaEvo.Tests.Web;

public sealed record ServerEvent(string Name, JsonElement Data);

/// <summary>Reads <c>GET /api/v1/experiments/{id}/events</c> as a browser's EventSource would.</summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public List<ServerEvent> Received { get; } = [];

    public static async Task<EventStream> OpenAsync(HttpClient client, string experimentId)
    {
        var response = await client.GetAsync($"/api/v1/experiments/{experimentId}/events", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>Reads events until one matches; fails after <paramref name="timeout"/> or when the stream ends first.</summary>
    public async Task<ServerEvent> WaitForAsync(Func<ServerEvent, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        string? name = null;
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no matching event within {timeout}; received: {string.Join(", ", Received.Select(e => e.Name + " " + e.Data))}");
            }
            if (line is null)
            {
                throw new InvalidOperationException($"the stream ended; received: {string.Join(", ", Received.Select(e => e.Name + " " + e.Data))}");
            }
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var e = new ServerEvent(name ?? "message", JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
                Received.Add(e);
                if (match(e))
                {
                    return e;
                }
            }
        }
    }

    public Task<ServerEvent> WaitForStatusAsync(string status, TimeSpan timeout) =>
        WaitForAsync(e => e.Name == "status" && e.Data.GetProperty("to").GetString() == status, timeout);

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}
