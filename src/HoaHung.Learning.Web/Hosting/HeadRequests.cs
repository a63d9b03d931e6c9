using Microsoft.AspNetCore.Http.Features;

namespace HoaHung.Learning.Web.Hosting;

/// <summary>
/// HEAD answers exactly as GET, without the body (issue 26 item 10: load balancers and uptime checks that use HEAD saw
/// the site down). Decided once, in front of everything: the request goes through the site as a GET (the same
/// endpoint, authorization, cached page or shell, redirects and status pages) and the body is counted, not sent;
/// its length becomes <c>Content-Length</c> when nothing else set one. The server itself also knows the request is a
/// HEAD and sends no body.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (!HttpMethods.IsHead(ctx.Request.Method))
        {
            await next();
            return;
        }
        var original = ctx.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        await using var counter = new CountingStream();
        ctx.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(counter));
        ctx.Request.Method = HttpMethods.Get;
        try
        {
            await next();
        }
        finally
        {
            ctx.Request.Method = HttpMethods.Head;
            ctx.Features.Set(original);
        }
        if (!ctx.Response.HasStarted && ctx.Response.ContentLength is null && !ctx.Response.Headers.ContainsKey("Transfer-Encoding"))
            ctx.Response.ContentLength = counter.Length;
    });

    /// <summary>A stream that keeps only the number of bytes written to it.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
