// Bare Kestrel: answers every request with the same gzip bytes held in memory, with the headers a browser needs
// to show them (Content-Type, Content-Encoding, Vary). No routing, no middleware, no logging on the hot path:
// the most the ASP.NET Core stack can do on this machine, so bench/run.sh can say how far the site is from it.
// usage: HoaHung.Learning.BareBench FILE.gz URL     e.g.  lesson.html.gz http://127.0.0.1:5583
if (args.Length != 2 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: HoaHung.Learning.BareBench FILE.gz URL");
    return 2;
}
var body = await File.ReadAllBytesAsync(args[0]);
if (body.Length < 2 || body[0] != 0x1f || body[1] != 0x8b)
{
    Console.Error.WriteLine($"{args[0]} is not gzip");
    return 2;
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(args[1]);
var app = builder.Build();
app.Run(ctx =>
{
    var response = ctx.Response;
    response.ContentType = "text/html; charset=utf-8";
    response.Headers.ContentEncoding = "gzip";
    response.Headers.Vary = "Accept-Encoding";
    response.ContentLength = body.Length;
    return response.Body.WriteAsync(body).AsTask();
});
await app.RunAsync();
return 0;
