using System.Buffers;

namespace HoaHung.Learning.Search;

/// <summary>
/// An inverted index of the folded words of every indexed lesson (title, tags, summary, body), immutable, held in
/// memory per process (<see cref="SearchHeads"/>). It answers what PostgreSQL's GIN index and <c>ts_rank</c> did,
/// without reading a row: which lessons hold every query word (or any; the last word as a prefix) and how relevant
/// their text is, by the BM25 of SQLite's FTS5 <c>bm25()</c> (k1 1.2, b 0.75, idf at least 1e-6, a prefix counting as
/// one word) with the column weights the SQLite index uses (title 10, tags 5, summary 3, body 1): both providers rank
/// alike (bench/README.md).
/// A new index is made from the previous one by <see cref="With"/>: postings of unchanged lessons are copied,
/// only changed lessons' text is read and split again.
/// </summary>
internal sealed class TermIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private static readonly int[] FieldWeights = [10, 5, 3, 1];

    public static readonly TermIndex Empty = new([], [0], [], [], [], [], []);

    /// <summary>A lesson's folded fields as stored; <paramref name="Revision"/> changes whenever the row is written.</summary>
    public sealed record Source(int Id, long Revision, string Title, string Tags, string Summary, string Body);

    // Terms sorted ordinally (a prefix is a range); postings of term t at [starts[t], starts[t + 1]).
    private readonly string[] terms;
    private readonly int[] starts;
    private readonly int[] postingDoc;
    private readonly ushort[] postingWeight;
    // Per document (dense index): lesson id, revision, length in words.
    private readonly int[] docIds;
    private readonly long[] docRevisions;
    private readonly int[] docLengths;
    private readonly double averageLength;

    private TermIndex(string[] terms, int[] starts, int[] postingDoc, ushort[] postingWeight, int[] docIds, long[] docRevisions, int[] docLengths)
    {
        (this.terms, this.starts, this.postingDoc, this.postingWeight) = (terms, starts, postingDoc, postingWeight);
        (this.docIds, this.docRevisions, this.docLengths) = (docIds, docRevisions, docLengths);
        averageLength = docLengths.Length == 0 ? 1 : Math.Max(1, docLengths.Average());
    }

    public int Count => docIds.Length;

    /// <summary>The revision each lesson was read at, to tell which rows changed since.</summary>
    public IEnumerable<(int Id, long Revision)> Revisions => docIds.Select((id, i) => (id, docRevisions[i]));

    /// <summary>
    /// This index for the lessons of <paramref name="keep"/> (those it holds at the revision given) plus
    /// <paramref name="added"/> (new or changed lessons, read again); every other lesson is left out.
    /// </summary>
    public TermIndex With(IReadOnlyDictionary<int, long> keep, IReadOnlyCollection<Source> added)
    {
        var replaced = added.Select(a => a.Id).ToHashSet();
        // Old document index → new one (-1: left out); the added lessons follow the kept ones.
        var map = new int[docIds.Length];
        var ids = new List<int>(docIds.Length + added.Count);
        var revisions = new List<long>(ids.Capacity);
        var lengths = new List<int>(ids.Capacity);
        for (var d = 0; d < docIds.Length; d++)
        {
            if (replaced.Contains(docIds[d]) || !keep.TryGetValue(docIds[d], out var revision) || revision != docRevisions[d])
            {
                map[d] = -1;
                continue;
            }
            map[d] = ids.Count;
            ids.Add(docIds[d]);
            revisions.Add(docRevisions[d]);
            lengths.Add(docLengths[d]);
        }

        // The added lessons' words, with their weighted counts.
        var fresh = new Dictionary<string, List<(int Doc, ushort Weight)>>(StringComparer.Ordinal);
        var reader = new WordCounter();
        foreach (var source in added)
        {
            var doc = ids.Count;
            ids.Add(source.Id);
            revisions.Add(source.Revision);
            lengths.Add(reader.Read(source, (word, weight) =>
            {
                if (!fresh.TryGetValue(word, out var list))
                    fresh[word] = list = [];
                list.Add((doc, (ushort)Math.Min(weight, ushort.MaxValue)));
            }));
        }

        // Merge the two sorted vocabularies, copying kept postings and appending fresh ones.
        var freshTerms = fresh.Keys.ToArray();
        Array.Sort(freshTerms, StringComparer.Ordinal);
        var newTerms = new string[terms.Length + freshTerms.Length];
        var newStarts = new int[newTerms.Length + 1];
        var docs = new int[postingDoc.Length + fresh.Sum(f => f.Value.Count)];
        var weights = new ushort[docs.Length];
        int count = 0, termCount = 0;
        for (int i = 0, j = 0; i < terms.Length || j < freshTerms.Length;)
        {
            var cmp = i == terms.Length ? 1 : j == freshTerms.Length ? -1 : string.CompareOrdinal(terms[i], freshTerms[j]);
            var term = cmp <= 0 ? terms[i] : freshTerms[j];
            if (cmp <= 0)
            {
                for (var p = starts[i]; p < starts[i + 1]; p++)
                {
                    var d = map[postingDoc[p]];
                    if (d >= 0)
                    {
                        docs[count] = d;
                        weights[count++] = postingWeight[p];
                    }
                }
                i++;
            }
            if (cmp >= 0)
            {
                foreach (var (d, w) in fresh[freshTerms[j]])
                {
                    docs[count] = d;
                    weights[count++] = w;
                }
                j++;
            }
            if (count > newStarts[termCount])
            {
                newTerms[termCount++] = term;
                newStarts[termCount] = count;
            }
        }
        Array.Resize(ref newTerms, termCount);
        Array.Resize(ref newStarts, termCount + 1);
        Array.Resize(ref docs, count);
        Array.Resize(ref weights, count);
        return new TermIndex(newTerms, newStarts, docs, weights, [.. ids], [.. revisions], [.. lengths]);
    }

    /// <summary>
    /// The lessons holding every word (or, when not <paramref name="matchAll"/>, any word), the last word as a prefix,
    /// with their BM25 relevance negated (lower is better, like SQLite's bm25()).
    /// </summary>
    public List<(int Id, double Relevance)> Match(IReadOnlyList<string> words, bool matchAll)
    {
        var found = new List<(int Id, double Relevance)>();
        if (words.Count == 0 || docIds.Length == 0)
            return found;
        var ranges = new (int From, int To)[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            ranges[w] = w == words.Count - 1 ? PrefixRange(words[w]) : ExactRange(words[w]);
            if (matchAll && ranges[w].From == ranges[w].To)
                return found;
        }

        var n = docIds.Length;
        var score = ArrayPool<double>.Shared.Rent(n);
        var frequency = ArrayPool<float>.Shared.Rent(n);
        var seen = ArrayPool<byte>.Shared.Rent(n);
        try
        {
            Array.Clear(score, 0, n);
            Array.Clear(frequency, 0, n);
            Array.Clear(seen, 0, n);
            var candidates = new List<int>();
            var touched = new List<int>();
            for (var w = 0; w < words.Count; w++)
            {
                // A prefix is one query word however many terms it covers (as in FTS5): their counts add up.
                touched.Clear();
                for (var t = ranges[w].From; t < ranges[w].To; t++)
                {
                    for (var p = starts[t]; p < starts[t + 1]; p++)
                    {
                        var d = postingDoc[p];
                        if (frequency[d] == 0)
                            touched.Add(d);
                        frequency[d] += postingWeight[p];
                    }
                }
                var idf = Math.Log((n - touched.Count + 0.5) / (touched.Count + 0.5));
                if (idf <= 0)
                    idf = 1e-6;
                foreach (var d in touched)
                {
                    var f = frequency[d];
                    score[d] += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * docLengths[d] / averageLength));
                    frequency[d] = 0;
                    if (seen[d] == 0)
                        candidates.Add(d);
                    seen[d] |= (byte)(1 << w);
                }
            }
            var all = (byte)((1 << words.Count) - 1);
            foreach (var d in candidates)
                if (!matchAll || seen[d] == all)
                    found.Add((docIds[d], -score[d]));
            return found;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(score);
            ArrayPool<float>.Shared.Return(frequency);
            ArrayPool<byte>.Shared.Return(seen);
        }
    }

    private (int From, int To) ExactRange(string word)
    {
        var at = Array.BinarySearch(terms, word, StringComparer.Ordinal);
        return at >= 0 ? (at, at + 1) : (0, 0);
    }

    private (int From, int To) PrefixRange(string prefix)
    {
        if (prefix.Length == 0)
            return (0, 0);
        var from = Array.BinarySearch(terms, prefix, StringComparer.Ordinal);
        if (from < 0)
            from = ~from;
        var to = from;
        while (to < terms.Length && terms[to].StartsWith(prefix, StringComparison.Ordinal))
            to++;
        return (from, to);
    }

    /// <summary>
    /// Splits lessons into their distinct words with counts weighted by field, without a string per word: each
    /// distinct word is made a string once for all the lessons it reads.
    /// </summary>
    private sealed class WordCounter
    {
        private readonly Dictionary<string, int> slots = new(StringComparer.Ordinal);
        private readonly List<string> words = [];
        private readonly List<int> touched = [];
        private int[] counts = new int[1024];

        /// <summary>Calls <paramref name="found"/> once per distinct word of the lesson; returns its length in words.</summary>
        public int Read(Source source, Action<string, int> found)
        {
            var lookup = slots.GetAlternateLookup<ReadOnlySpan<char>>();
            var length = 0;
            ReadOnlySpan<string> fields = [source.Title, source.Tags, source.Summary, source.Body];
            for (var f = 0; f < fields.Length; f++)
            {
                // Folded text: words of letters and digits between single spaces; tags are also separated by ",".
                var text = fields[f].AsSpan();
                foreach (var range in text.Split(' '))
                {
                    var word = text[range];
                    if (word.IsEmpty || word is "," or "|")
                        continue;
                    if (!lookup.TryGetValue(word, out var slot))
                    {
                        slot = words.Count;
                        var key = word.ToString();
                        slots[key] = slot;
                        words.Add(key);
                        if (slot == counts.Length)
                            Array.Resize(ref counts, counts.Length * 2);
                    }
                    if (counts[slot] == 0)
                        touched.Add(slot);
                    counts[slot] += FieldWeights[f];
                    length++;
                }
            }
            foreach (var slot in touched)
            {
                found(words[slot], counts[slot]);
                counts[slot] = 0;
            }
            touched.Clear();
            return length;
        }
    }
}
