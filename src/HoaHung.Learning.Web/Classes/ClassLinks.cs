namespace HoaHung.Learning.Web.Classes;

/// <summary>The addresses of the classes feature (docs/architecture.md §5, §8), built in one place.</summary>
public static class ClassLinks
{
    public const string List = "/lop-hoc";
    public const string New = "/lop-hoc/moi";
    public const string Join = "/tham-gia";

    public static string Class(int id) => $"/lop-hoc/{id}";
    public static string Poster(int id) => $"/lop-hoc/{id}/ap-phich";
    public static string Csv(int id) => $"/lop-hoc/{id}/bao-cao.csv";
    public static string Xlsx(int id) => $"/lop-hoc/{id}/bao-cao.xlsx";
    public static string SessionQr(int sessionId) => $"{Session(sessionId)}/diem-danh";

    /// <summary>A session's own address (its xAPI activity id; no page answers it alone).</summary>
    public static string Session(int sessionId) => $"/lop-hoc/buoi/{sessionId}";

    /// <summary>Join codes are our own alphabet (A–Z, 2–9): no escaping needed.</summary>
    public static string JoinWith(string code) => $"{Join}/{code}";

    /// <summary>The session's self-marking address (the attendance pass's cookie is scoped to it).</summary>
    public static string SelfAttendance(int sessionId) => $"/diem-danh/{sessionId}";

    /// <summary>The join code of a return address that is a class's join page (<c>/tham-gia/{code}</c>), else null.</summary>
    public static string? JoinCodeIn(string? returnUrl)
    {
        var path = returnUrl?.Split('?', '#')[0];
        if (path is null || !path.StartsWith(Join + "/", StringComparison.Ordinal))
            return null;
        var code = path[(Join.Length + 1)..];
        return code.Length is > 0 and <= 16 && code.All(char.IsAsciiLetterOrDigit) ? code : null;
    }

    /// <summary>What the session QR carries: the session and its current rotating code.</summary>
    public static string SelfAttendance(int sessionId, string code) => $"/diem-danh/{sessionId}/{code}";

    /// <summary>Where she comes back after signing in, carrying a short-lived proof that she scanned in time.</summary>
    public static string SelfAttendancePass(int sessionId, string pass) => $"/diem-danh/{sessionId}?ve={Uri.EscapeDataString(pass)}";
}
