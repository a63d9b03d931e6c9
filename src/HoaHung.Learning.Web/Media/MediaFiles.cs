using HoaHung.Learning.Media;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HoaHung.Learning.Web.Media;

internal static class MediaFiles
{
    /// <summary>
    /// Serves stored media under /media with range requests (video seeking). Names are random keys that
    /// never change content, so they are cached for a year.
    /// </summary>
    public static IApplicationBuilder UseMediaFiles(this WebApplication app)
    {
        var root = app.Services.GetRequiredService<IOptions<MediaOptions>>().Value.Root;
        Directory.CreateDirectory(root);
        var types = new FileExtensionContentTypeProvider(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [".webp"] = "image/webp",
            [".jpg"] = "image/jpeg",
            [".png"] = "image/png",
            [".mp4"] = "video/mp4",
            [".webm"] = "video/webm",
            [".vtt"] = "text/vtt; charset=utf-8",
            [".opus"] = "audio/ogg",
            [".m4a"] = "audio/mp4",
        });
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/media",
            FileProvider = new PhysicalFileProvider(root),
            ContentTypeProvider = types,
            ServeUnknownFileTypes = false,
            OnPrepareResponse = ctx =>
            {
                ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                ctx.Context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            },
        });
    }
}
