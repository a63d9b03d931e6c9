using HoaHung.Learning.Search;

namespace HoaHung.Learning.Tests.Search;

/// <summary>The in-memory word index PostgreSQL searches with: matching, relevance and incremental reloads.</summary>
public sealed class TermIndexTests
{
    private static TermIndex.Source Doc(int id, string title, string tags = "", string summary = "", string body = "", long revision = 1) =>
        new(id, revision, $" {title} ", tags, summary, body);

    private static TermIndex Build(params TermIndex.Source[] docs) =>
        TermIndex.Empty.With(docs.ToDictionary(d => d.Id, d => d.Revision), docs);

    private static List<int> Ids(TermIndex index, string query, bool matchAll = true) =>
        index.Match(SearchTerms.Parse(query).Words, matchAll).OrderBy(m => m.Relevance).ThenBy(m => m.Id).Select(m => m.Id).ToList();

    private static readonly TermIndex Library = Build(
        Doc(1, "dang ky tai khoan vneid", tags: "vneid , dinh danh dien tu", body: "mo ung dung vneid roi bam dang ky"),
        Doc(2, "dang nhap cong dan so", tags: "cong dan so", body: "dang nhap bang tai khoan vneid"),
        Doc(3, "thanh toan hoa don tien dien", tags: "thanh toan , hoa don", body: "quet ma qr tren hoa don"),
        Doc(4, "nhan biet cuoc goi lua dao", body: "khong doc ma otp cho nguoi la"));

    [Fact]
    public void Every_word_must_occur_and_only_the_last_is_a_prefix()
    {
        Assert.Equal([1, 2], Ids(Library, "tai khoan vneid").Order().ToList());
        Assert.Equal([1], Ids(Library, "dang ky"));
        Assert.Equal([1, 2], Ids(Library, "dang k").Order().ToList()); // "ky" and "khoan"
        Assert.Empty(Ids(Library, "dan ky"));                 // "dan" is a word of its own, not "dang"
        Assert.Equal([2], Ids(Library, "dan so"));
        Assert.Equal([3], Ids(Library, "hoa d"));
        Assert.Empty(Ids(Library, "vneid xyzzy"));
        Assert.Empty(Ids(TermIndex.Empty, "vneid"));
        Assert.Empty(Library.Match([], true));
    }

    [Fact]
    public void Any_word_finds_the_lessons_holding_some_and_those_holding_more_rank_higher()
    {
        Assert.Equal([3, 4], Ids(Library, "otp hoa don xyzzy", matchAll: false));
        Assert.Equal(4, Ids(Library, "otp lua dao", matchAll: false)[0]);
        Assert.Equal([3, 4], Ids(Library, "ma xyzzy", matchAll: false).Order().ToList());
    }

    [Fact]
    public void A_word_weighs_most_in_the_title_then_tags_summary_body_and_more_when_repeated_or_rare()
    {
        var index = Build([
            Doc(1, "bai mot", body: "kumquat"),
            Doc(2, "bai hai", summary: "kumquat"),
            Doc(3, "bai ba", tags: "kumquat"),
            Doc(4, "kumquat", body: "bai bon"),
            Doc(5, "bai nam", body: "kumquat kumquat kumquat"),
            .. Enumerable.Range(6, 7).Select(id => Doc(id, "bai khac", body: "bai bai bai noi dung khac"))]);
        Assert.Equal([4, 3, 2, 5, 1], Ids(index, "kumquat"));
        Assert.All(index.Match(["kumquat"], true), m => Assert.True(m.Relevance < 0));

        // "bai" is in every lesson, "kumquat" in a few: holding the rare word once counts for more than the common one thrice.
        var either = index.Match(["bai", "kumquat"], false).ToDictionary(m => m.Id, m => m.Relevance);
        Assert.Equal(12, either.Count);
        Assert.True(either[1] < either[6]);
    }

    [Fact]
    public void Tag_separators_and_padding_are_not_words()
    {
        var index = Build(Doc(1, "bai", tags: "vneid , otp", summary: "tom tat"), Doc(2, "bai", tags: "vneid otp", summary: "tom  tat"),
            Doc(3, "khac"));
        Assert.Empty(index.Match([","], true));
        Assert.Empty(index.Match([""], true));
        Assert.Equal([1, 2], Ids(index, "vneid otp"));
        // The same words, so the same length and the same relevance.
        var found = index.Match(["vneid"], true);
        Assert.Equal(found[0].Relevance, found[1].Relevance);
    }

    [Fact]
    public void A_reload_keeps_unchanged_lessons_rereads_changed_ones_and_drops_the_rest()
    {
        var before = Build(Doc(1, "durianx", revision: 10), Doc(2, "rambutanx", revision: 20), Doc(3, "mangosteenx", revision: 30));

        // Lesson 1 rewritten (new revision, read again), 2 unchanged (not read), 3 gone, 4 new.
        var after = before.With(new Dictionary<int, long> { [1] = 11, [2] = 20, [4] = 40 },
            [Doc(1, "lycheex", revision: 11), Doc(4, "kiwanox", revision: 40)]);

        Assert.Empty(Ids(after, "durianx"));
        Assert.Equal([1], Ids(after, "lycheex"));
        Assert.Equal([2], Ids(after, "rambutanx"));
        Assert.Empty(Ids(after, "mangosteenx"));
        Assert.Empty(Ids(after, "mango")); // its words left the vocabulary too
        Assert.Equal([4], Ids(after, "kiwa"));
        Assert.Equal([(1, 11L), (2, 20L), (4, 40L)], after.Revisions.OrderBy(r => r.Id));
        // The earlier index is untouched (searches running on it finish with what they started with).
        Assert.Equal([1], Ids(before, "durianx"));

        // A lesson whose row changed but could not be read again (deleted meanwhile) is left out, not kept stale.
        Assert.Empty(Ids(after.With(new Dictionary<int, long> { [1] = 12, [2] = 20, [4] = 40 }, []), "lycheex"));
    }

    [Fact]
    public void Reloading_step_by_step_answers_exactly_like_building_at_once()
    {
        var random = new Random(11);
        string[] vocabulary = ["dang", "ky", "vneid", "tai", "khoan", "dien", "thoai", "otp", "ma", "qr", "hoa", "don", "lua", "dao", "zalo"];
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
        TermIndex.Source RandomDoc(int id, long revision) => Doc(id, Text(4), Text(2), Text(6), Text(random.Next(0, 40)), revision);

        var current = new Dictionary<int, TermIndex.Source>();
        var index = TermIndex.Empty;
        for (var step = 1; step <= 20; step++)
        {
            var changed = new List<TermIndex.Source>();
            for (var i = 0; i < 8; i++)
            {
                var id = random.Next(1, 40);
                if (random.Next(4) == 0)
                    current.Remove(id);
                else
                    changed.Add(current[id] = RandomDoc(id, step));
            }
            changed = changed.GroupBy(c => c.Id).Select(g => g.Last()).Where(c => current.ContainsKey(c.Id)).ToList();
            index = index.With(current.ToDictionary(c => c.Key, c => c.Value.Revision), changed);
            var fresh = Build([.. current.Values]);

            foreach (var query in new[] { "dang ky", "dien tho", "ma q", "vneid", "z", "lua dao otp", "hoa don d" })
            {
                foreach (var all in new[] { true, false })
                {
                    var expected = fresh.Match(SearchTerms.Parse(query).Words, all).OrderBy(m => m.Id).ToList();
                    var actual = index.Match(SearchTerms.Parse(query).Words, all).OrderBy(m => m.Id).ToList();
                    Assert.Equal(expected.Select(m => m.Id), actual.Select(m => m.Id));
                    Assert.Equal(expected.Select(m => m.Relevance), actual.Select(m => m.Relevance), (a, b) => Math.Abs(a - b) < 1e-6);
                }
            }
        }
    }
}
