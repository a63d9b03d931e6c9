using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// A form of one of our pages posted again (a double tap, a reload that re-posts, the back button) answers with the
/// page in its current state, never an empty 400 (issue 26 item 14). Blazor's static rendering refuses, with an empty
/// 400, a post naming a form the page no longer renders ("Tham gia lớp" once she is in the class) or carrying a token
/// made for the person she was before the first post (signed up, in or out since). Both are turned here, for every
/// page at once, into a 303 to the GET of the same address, which shows what is now true ("Bạn đã ở trong lớp này");
/// nothing the post asked for is done a second time. A post that does not come from one of our forms (no form name or
/// no token at all) is still refused with 400.
/// </summary>
public static class RepeatedPosts
{
    public static IApplicationBuilder UseRepeatedPostsAsPages(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (!HttpMethods.IsPost(ctx.Request.Method) || ctx.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true
            || ctx.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
        {
            await next();
            return;
        }
        // Kept to be read again below (this runs before the antiforgery check reads it): the page's own reading refuses a
        // body whose token failed, and says nothing more.
        ctx.Request.EnableBuffering(bufferThreshold: 32 * 1024, bufferLimit: 1024 * 1024);
        // The page's answer is held until it is complete: Blazor flushes (starts) even the empty 400 it refuses with.
        var original = ctx.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        await using var held = new MemoryStream();
        ctx.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(held));
        try
        {
            await next();
        }
        finally
        {
            ctx.Features.Set(original);
        }
        if (ctx.Response.StatusCode == StatusCodes.Status400BadRequest && !ctx.Response.HasStarted && await IsOurFormAsync(ctx))
        {
            ctx.Response.Clear();
            ctx.Response.StatusCode = StatusCodes.Status303SeeOther;
            ctx.Response.Headers.Location = ctx.Request.PathBase + ctx.Request.Path + ctx.Request.QueryString;
            ctx.Response.Headers.CacheControl = "no-store";
            return;
        }
        if (held.Length == 0)
            return;
        if (!ctx.Response.HasStarted && ctx.Response.ContentLength is null)
            ctx.Response.ContentLength = held.Length;
        held.Position = 0;
        await held.CopyToAsync(ctx.Response.Body, ctx.RequestAborted);
    });

    /// <summary>The post carries a form name and an antiforgery token field, as every form of our pages does.</summary>
    private static async Task<bool> IsOurFormAsync(HttpContext ctx)
    {
        var tokenField = ctx.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.FormFieldName;
        try
        {
            ctx.Request.Body.Position = 0;
            using var reader = new FormReader(ctx.Request.Body) { ValueCountLimit = 200, ValueLengthLimit = 64 * 1024 };
            var form = await reader.ReadFormAsync(ctx.RequestAborted);
            return form.TryGetValue("_handler", out var handler) && !string.IsNullOrEmpty(handler)
                && form.TryGetValue(tokenField, out var token) && !string.IsNullOrEmpty(token);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or DecoderFallbackException or NotSupportedException)
        {
            return false; // a body that cannot be read as a form is not one of ours: the 400 stands
        }
    }
}
