using HoaHung.Learning.Search;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.SearchBench;

/// <summary>
/// What residents type, deterministic: tasks ("dang ky tai khoan vneid"), things ("hoa don tien dien"), single
/// words, half-typed words as the suggestion box sends them ("thanh toan hoa d"), a few with diacritics and a
/// few that match nothing. Folded like people type on a phone, except the diacritic ones.
/// </summary>
internal static class Queries
{
    public sealed record Query(string Text, bool Suggest);

    // Broad ones included: "dien thoai" is in most lessons, the worst case for ranking.
    private static readonly string[] Words =
        ["lua dao", "otp", "zalo", "vneid", "mat khau", "wi fi", "4g", "chuyen tien", "cong dan so", "dich vu cong", "le phi", "can cuoc",
         "dien thoai", "ung dung", "tai khoan"];

    private static readonly string[] Misses = ["xe buyt", "karaoke online", "nau an ngon", "bong da hom nay", "thoi tiet mai"];

    public static List<Query> Build(int count, int seed = 7)
    {
        var random = new Random(seed);
        var queries = new List<Query>(count);
        while (queries.Count < count)
        {
            var action = LibraryGenerator.Actions[random.Next(LibraryGenerator.Actions.Length)];
            var objects = LibraryGenerator.Objects[random.Next(LibraryGenerator.Objects.Length)];
            var obj = objects[random.Next(objects.Length)];
            var context = LibraryGenerator.Contexts[random.Next(LibraryGenerator.Contexts.Length)];
            switch (random.Next(20))
            {
                case < 7: queries.Add(new(TextFolding.Fold($"{action} {obj}"), false)); break;
                case < 10: queries.Add(new(TextFolding.Fold(obj), false)); break;
                case < 12: queries.Add(new(TextFolding.Fold($"{obj} {context}"), false)); break;
                case < 14: queries.Add(new(Words[random.Next(Words.Length)], false)); break;
                case < 18:
                    var typed = TextFolding.Fold($"{action} {obj}");
                    queries.Add(new(typed[..Math.Max(2, random.Next(typed.Length / 2, typed.Length))].TrimEnd(), true));
                    break;
                case < 19: queries.Add(new($"{action} {obj}", false)); break;
                default: queries.Add(new(Misses[random.Next(Misses.Length)], false)); break;
            }
        }
        return queries;
    }
}
