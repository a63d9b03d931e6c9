using System.Text;

namespace HoaHung.Learning.Markdown.Rendering;

/// <summary>
/// A string writer that refuses to grow past a limit. Markdown can expand a lot (a reference
/// definition is written once per use), and everything written is then parsed again by the sanitizer.
/// </summary>
internal sealed class BoundedHtmlWriter(int maxChars) : TextWriter
{
    private readonly StringBuilder html = new();

    public override Encoding Encoding => Encoding.Unicode;

    public override void Write(char value)
    {
        Reserve(1);
        html.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Reserve(count);
        html.Append(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Reserve(buffer.Length);
        html.Append(buffer);
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        Reserve(value.Length);
        html.Append(value);
    }

    public override string ToString() => html.ToString();

    private void Reserve(int count)
    {
        if (html.Length + count > maxChars) throw new HtmlTooLargeException();
    }
}
