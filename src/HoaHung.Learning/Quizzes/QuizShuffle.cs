namespace HoaHung.Learning.Quizzes;

/// <summary>
/// Shuffles questions and options the same way every time for one attempt (its seed), so a reload, a resume on
/// another day or a double tap always shows the same order. Its own small generator, because the sequence of a
/// seeded <see cref="Random"/> is not promised to stay the same across .NET versions.
/// </summary>
public static class QuizShuffle
{
    /// <summary>A permutation of 0..count-1: position → original index.</summary>
    public static int[] Order(int seed, int salt, int count, bool shuffle)
    {
        var order = Enumerable.Range(0, count).ToArray();
        if (!shuffle || count < 2)
            return order;
        var state = unchecked((ulong)(uint)seed << 32 | (uint)salt) ^ 0x9E3779B97F4A7C15UL;
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)(Next(ref state) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>Ordering questions always show their steps mixed up, and never already in the right order.</summary>
    public static int[] Steps(int seed, int questionIndex, int count)
    {
        var order = Order(seed, 1000 + questionIndex, count, shuffle: true);
        if (count >= 2 && order.Select((v, i) => v == i).All(x => x))
            Array.Reverse(order);
        return order;
    }

    /// <summary>An attempt's question order: position (0-based) → question index.</summary>
    public static int[] Questions(QuizDefinition quiz, int seed) => Order(seed, 0, quiz.Questions.Count, quiz.ShuffleQuestions);

    /// <summary>Screen order of a question's options or steps in an attempt: screen position → index in quiz.yml.</summary>
    public static int[] Options(QuizDefinition quiz, int seed, int index) => quiz.Questions[index] switch
    {
        ChoiceQuestion q => Order(seed, 1 + index, q.Options.Count, quiz.ShuffleOptions),
        OrderingQuestion q => Steps(seed, index, q.Steps.Count),
        TrueFalseQuestion => [0, 1],
        _ => [],
    };

    /// <summary>The position (1-based, in her order) of the first question she has not answered; null when all are.</summary>
    public static int? FirstUnanswered(QuizDefinition quiz, int seed, IEnumerable<int> answered)
    {
        var done = answered.ToHashSet();
        var order = Questions(quiz, seed);
        for (var p = 0; p < order.Length; p++)
            if (!done.Contains(order[p]))
                return p + 1;
        return null;
    }

    private static ulong Next(ref ulong state)
    {
        // SplitMix64
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
