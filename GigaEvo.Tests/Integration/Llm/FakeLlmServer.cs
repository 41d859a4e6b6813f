using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GigaEvo.Tests.Integration.Llm;

/// <summary>One chat completion request as the fake server saw it.</summary>
public sealed record FakeLlmRequest(int Index, string Model, IReadOnlyList<FakeLlmMessage> Messages, string? Authorization, string Path)
{
    public string LastUser => Messages.Last(m => m.Role == "user").Content;

    public string System => Messages.First(m => m.Role == "system").Content;
}

public sealed record FakeLlmMessage(string Role, string Content);

/// <summary>What the fake answers: a completion (status 200), or an error status; after an optional delay.</summary>
public sealed record FakeLlmReply(string Content = "", int Status = 200, double DelaySeconds = 0, int PromptTokens = 1000, int CompletionTokens = 200,
    bool OmitUsage = false, string? RetryAfter = null)
{
    public static FakeLlmReply Error(int status, string? retryAfter = null) => new(Status: status, RetryAfter: retryAfter);
}

/// <summary>
/// An OpenAI-compatible <c>POST /v1/chat/completions</c> on 127.0.0.1 (Kestrel on a free port), answering
/// from a script. Only the outside world is faked: the product's real SDK client talks to it over HTTP.
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<FakeLlmRequest, FakeLlmReply> _script;
    private readonly List<FakeLlmRequest> _requests = [];

    private FakeLlmServer(WebApplication app, Func<FakeLlmRequest, FakeLlmReply> script)
    {
        _app = app;
        _script = script;
    }

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<FakeLlmRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeLlmServer> StartAsync(Func<FakeLlmRequest, FakeLlmReply> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeLlmServer(app, script);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var messages = body!["messages"]!.AsArray().Select(m => new FakeLlmMessage(m!["role"]!.GetValue<string>(), Content(m["content"]))).ToList();
        FakeLlmRequest request;
        lock (_requests)
        {
            request = new FakeLlmRequest(_requests.Count, body["model"]!.GetValue<string>(), messages,
                context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Path);
            _requests.Add(request);
        }
        var reply = _script(request);
        if (reply.DelaySeconds > 0)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(reply.DelaySeconds), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up (its timeout): nobody reads an answer
            }
        }
        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is { } after)
        {
            context.Response.Headers["Retry-After"] = after;
        }
        context.Response.ContentType = "application/json";
        var json = reply.Status == 200 ? Completion(request, reply) : new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = $"fake error {reply.Status}", ["type"] = "fake", ["code"] = null },
        };
        await context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted);
    }

    private static JsonObject Completion(FakeLlmRequest request, FakeLlmReply reply)
    {
        var completion = new JsonObject
        {
            ["id"] = $"chatcmpl-{request.Index}",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = request.Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content },
                ["finish_reason"] = "stop",
            }),
        };
        if (!reply.OmitUsage)
        {
            completion["usage"] = new JsonObject
            {
                ["prompt_tokens"] = reply.PromptTokens,
                ["completion_tokens"] = reply.CompletionTokens,
                ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
            };
        }
        return completion;
    }

    private static string Content(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
