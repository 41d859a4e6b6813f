using GigaEvo.Core.Experiments;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace GigaEvo.Web.Endpoints;

/// <summary>Reads the one file of a multipart upload within <c>Platform:MaxUploadMb</c> (413 beyond).</summary>
internal static class Uploads
{
    public const string Field = "file";

    /// <summary>The server's own limits follow the platform's (plus room for the multipart framing).</summary>
    public static IServiceCollection AddUploadLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<PlatformOptions>>((kestrel, platform) =>
            kestrel.Limits.MaxRequestBodySize = Bytes(platform.Value) + 1024 * 1024);
        services.AddOptions<FormOptions>().Configure<IOptions<PlatformOptions>>((form, platform) =>
            form.MultipartBodyLengthLimit = Bytes(platform.Value) + 1024 * 1024);
        return services;
    }

    public static long Bytes(PlatformOptions options) => (long)options.MaxUploadMb * 1024 * 1024;

    /// <summary>The uploaded file; throws <see cref="TooLargeException"/> or <see cref="FieldValidationException"/>.</summary>
    public static async Task<IFormFile> ReadFileAsync(HttpRequest request, PlatformOptions options, CancellationToken ct)
    {
        var limit = Bytes(options);
        if (request.ContentLength > limit + 1024 * 1024)
        {
            throw new TooLargeException($"the upload is {request.ContentLength / 1024.0 / 1024.0:F1} MiB, over the limit of {options.MaxUploadMb} MiB (Platform:MaxUploadMb)");
        }
        if (!request.HasFormContentType)
        {
            throw FieldValidationException.For(Field, $"send multipart/form-data with the file in a '{Field}' field");
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new TooLargeException($"the upload is over the limit of {options.MaxUploadMb} MiB (Platform:MaxUploadMb)");
        }
        catch (InvalidDataException e)
        {
            throw e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? new TooLargeException($"the upload is over the limit of {options.MaxUploadMb} MiB (Platform:MaxUploadMb)")
                : FieldValidationException.For(Field, "the multipart body is malformed: " + e.Message);
        }
        var file = form.Files.GetFile(Field) ?? (form.Files.Count > 0 ? form.Files[0] : null)
            ?? throw FieldValidationException.For(Field, $"no file in the upload; send it in a '{Field}' field");
        return file.Length > limit
            ? throw new TooLargeException($"{file.FileName} is {file.Length / 1024.0 / 1024.0:F1} MiB, over the limit of {options.MaxUploadMb} MiB (Platform:MaxUploadMb)")
            : file;
    }
}
