using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GigaEvo.Web.Contracts;

namespace GigaEvo.Tests.Web;

/// <summary>Small helpers over the REST API, as a client would call it.</summary>
public static class Api
{
    public static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    public static async Task<ExperimentDto> CreateFromTemplateAsync(this HttpClient client, string template, object? changes = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/templates/{template}/experiments", changes ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ExperimentDto>();
    }

    public static Task<ExperimentDto> CreateTrivialAsync(this HttpClient client, int generations = 2) =>
        client.CreateFromTemplateAsync("trivial", new { generations });

    public static async Task<ExperimentDto> GetExperimentAsync(this HttpClient client, string id) =>
        (await client.GetFromJsonAsync<ExperimentDto>($"/api/v1/experiments/{id}", Json))!;

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string url) =>
        await client.PostAsync(url, content: null);

    /// <summary>Reads the ProblemDetails of an error response.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static MultipartFormDataContent FileContent(byte[] bytes, string fileName)
    {
        var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(bytes), "file", fileName);
        return content;
    }

    /// <summary>Starts (unless already queued) and waits for COMPLETED through the event stream.</summary>
    public static async Task RunToCompletionAsync(this HttpClient client, string id, bool alreadyQueued = false)
    {
        await using var events = await EventStream.OpenAsync(client, id);
        if (!alreadyQueued)
        {
            using var start = await client.PostAsync($"/api/v1/experiments/{id}/start");
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }
        var end = await events.WaitForAsync(e => e.Name == "status" && e.Data.GetProperty("to").GetString() is "COMPLETED" or "FAILED", RunTimeout);
        Assert.True(end.Data.GetProperty("to").GetString() == "COMPLETED", end.Data.ToString());
    }
}
