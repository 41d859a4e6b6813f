using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using GigaEvo.Core.Experiments;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace GigaEvo.Web.Endpoints;

/// <summary>
/// One experiment's events as server-sent events: the current status first, then what happens to it. Ends
/// when it reaches a final status or is deleted (<c>deleted</c>). Written by hand rather than through
/// <c>TypedResults.ServerSentEvents</c>, which cannot send the <c>: keep-alive</c> comment that keeps
/// proxies from closing a quiet stream. Each event has an <c>id:</c> counted from 1 per connection; events
/// are not kept, so a reconnecting client (whatever its <c>Last-Event-ID</c>) starts again from the current status.
/// </summary>
public sealed class ExperimentEventStream(string id, ExperimentQueries queries, INotifier<ExperimentEvent> notifier, TimeProvider time) : IResult
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private long _lastId;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var ct = httpContext.RequestAborted;
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var json = httpContext.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var events = Channel.CreateUnbounded<ExperimentEvent>();
        // Subscribed before the snapshot is read, so nothing between the two is missed.
        using var subscription = notifier.Subscribe(e =>
        {
            if (e.ExperimentId == id)
            {
                events.Writer.TryWrite(e);
            }
            return Task.CompletedTask;
        });
        try
        {
            ExperimentEvent first;
            try
            {
                var current = await queries.GetAsync(id, ct);
                first = new StatusChanged(id, time.GetUtcNow(), null, current.Status.ToKey(), "current status");
            }
            catch (NotFoundException)
            {
                first = new ExperimentDeleted(id, time.GetUtcNow()); // deleted since the endpoint found it
            }
            if (await WriteAsync(response, first, json, ct))
            {
                return;
            }
            await PumpAsync(response, events.Reader, json, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: nothing left to send.
        }
    }

    private async Task PumpAsync(HttpResponse response, ChannelReader<ExperimentEvent> reader, JsonSerializerOptions json, CancellationToken ct)
    {
        while (true)
        {
            var ready = reader.WaitToReadAsync(ct).AsTask();
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var tick = Task.Delay(KeepAlive, time, idle.Token);
                if (await Task.WhenAny(ready, tick) == tick)
                {
                    ct.ThrowIfCancellationRequested();
                    await response.WriteAsync(": keep-alive\n\n", ct);
                    await response.Body.FlushAsync(ct);
                    continue;
                }
                await idle.CancelAsync();
            }
            await ready;
            while (reader.TryRead(out var e))
            {
                if (await WriteAsync(response, e, json, ct))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Writes one event; true when it ends the stream.</summary>
    private async Task<bool> WriteAsync(HttpResponse response, ExperimentEvent e, JsonSerializerOptions json, CancellationToken ct)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"id: {++_lastId}\n")
            .Append(CultureInfo.InvariantCulture, $"event: {e.Kind}\n");
        foreach (var line in JsonSerializer.Serialize<ExperimentEvent>(e, json).Split('\n'))
        {
            text.Append("data: ").Append(line).Append('\n');
        }
        await response.WriteAsync(text.Append('\n').ToString(), ct);
        await response.Body.FlushAsync(ct);
        return Ends(e);
    }

    private static bool Ends(ExperimentEvent e) => e switch
    {
        ExperimentDeleted => true,
        StatusChanged { To: var to } => ExperimentStatuses.TryParse(to, out var status) && status.IsFinished(),
        _ => false,
    };
}
