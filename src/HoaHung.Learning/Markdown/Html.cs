using System.Text;

namespace HoaHung.Learning.Markdown;

/// <summary>Escaping for markup this folder writes by hand (media elements, callout titles, the fallback).</summary>
internal static class Html
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value.AsSpan().IndexOfAny("&<>\"'") < 0) return value;

        var escaped = new StringBuilder(value.Length + 32);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }
}
