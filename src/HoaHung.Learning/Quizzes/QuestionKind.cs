using System.Text.Json.Serialization.Metadata;

namespace HoaHung.Learning.Quizzes;

/// <summary>The six kinds of question. Each has a name, written in quiz.yml (<c>type:</c>) and in stored QuizJson.</summary>
public enum QuestionKind
{
    Single,
    Multiple,
    TrueFalse,
    Ordering,
    Image,
    Text,
}

/// <summary>
/// The one place that spells the kinds: their names in quiz.yml and in the QuizJson of stored revisions, and which
/// question record each one is. The names are a stored contract: never rename one.
/// </summary>
public static class QuestionKinds
{
    private static readonly (QuestionKind Kind, string Name, Type Type)[] All =
    [
        (QuestionKind.Single, "single", typeof(SingleChoiceQuestion)),
        (QuestionKind.Multiple, "multiple", typeof(MultipleChoiceQuestion)),
        (QuestionKind.TrueFalse, "true_false", typeof(TrueFalseQuestion)),
        (QuestionKind.Ordering, "ordering", typeof(OrderingQuestion)),
        (QuestionKind.Image, "image", typeof(ImageChoiceQuestion)),
        (QuestionKind.Text, "text", typeof(ShortTextQuestion)),
    ];

    /// <summary>The names in the order above, for messages to authors.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(k => k.Name).ToArray();

    /// <summary>The name written in quiz.yml and stored JSON (<c>true_false</c> for <see cref="QuestionKind.TrueFalse"/>).</summary>
    public static string Name(this QuestionKind kind) => All.First(k => k.Kind == kind).Name;

    /// <summary>Reads a name as an author may write it: surrounding spaces and letter case do not matter.</summary>
    public static bool TryParse(string? name, out QuestionKind kind)
    {
        var folded = name?.Trim().ToLowerInvariant();
        foreach (var k in All)
        {
            if (k.Name == folded)
            {
                kind = k.Kind;
                return true;
            }
        }
        kind = default;
        return false;
    }

    internal static QuestionKind Of(Question question) => All.First(k => k.Type == question.GetType()).Kind;

    /// <summary>Stores a question with its kind's name as <c>"type"</c>, so QuizJson reads back as the right record.</summary>
    internal static void AddQuestionTypes(JsonTypeInfo info)
    {
        if (info.Type != typeof(Question))
            return;
        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "type" };
        foreach (var k in All)
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(k.Type, k.Name));
    }
}
