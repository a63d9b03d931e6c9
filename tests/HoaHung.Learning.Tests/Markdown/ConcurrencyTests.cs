namespace HoaHung.Learning.Tests.Markdown;

public sealed class ConcurrencyTests
{
    [Fact]
    public void One_instance_renders_the_same_result_from_many_threads()
    {
        const string markdown = "# Bài\n\n![Một](a.png)\n\n:::tip\nMẹo [liên kết](https://x.vn)\n:::\n\n![Thiếu](b.png)";
        var expected = Render.Markdown(markdown, "a.png");

        var results = new System.Collections.Concurrent.ConcurrentBag<HoaHung.Learning.Markdown.RenderedMarkdown>();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => results.Add(Render.Markdown(markdown, "a.png")));

        Assert.All(results, r =>
        {
            Assert.Equal(expected.Html, r.Html);
            Assert.Equal(expected.MissingFiles, r.MissingFiles);
        });
    }
}
