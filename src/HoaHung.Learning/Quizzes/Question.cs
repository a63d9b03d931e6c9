using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HoaHung.Learning.Quizzes;

/// <summary>
/// A validated quiz as it is stored with a lesson revision (JSON) and read by the player. Immutable: a changed
/// quiz.yml is a new revision, and an attempt always keeps the revision it started on.
/// </summary>
public sealed record QuizDefinition(
    string Title,
    int PassMark,
    bool ShuffleQuestions,
    bool ShuffleOptions,
    int MaxAttempts,
    bool ShowAnswers,
    IReadOnlyList<Question> Questions)
{
    public const int DefaultPassMark = 70;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { QuestionKinds.AddQuestionTypes } },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static QuizDefinition? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<QuizDefinition>(json, Json);

    /// <summary>The file names of the pictures the quiz shows (beside quiz.yml).</summary>
    [JsonIgnore]
    public IEnumerable<string> Pictures => Questions.OfType<ImageChoiceQuestion>().SelectMany(q => q.Options).Select(o => o.Image!).Distinct();
}

/// <summary>One question; every question explains its answer once it is answered. Stored as JSON with its
/// kind's name as <c>"type"</c> (<see cref="QuestionKinds"/>).</summary>
public abstract record Question(string Text, string Explanation)
{
    [JsonIgnore]
    public QuestionKind Kind => QuestionKinds.Of(this);
}

/// <summary>A choice among options. <see cref="Image"/> is set for picture options only.</summary>
public sealed record QuizOption(string Text, bool Correct, string? Feedback = null, string? Image = null);

/// <summary>Questions whose answer is picking options (single, multiple, image).</summary>
public abstract record ChoiceQuestion(string Text, string Explanation, IReadOnlyList<QuizOption> Options) : Question(Text, Explanation);

public sealed record SingleChoiceQuestion(string Text, string Explanation, IReadOnlyList<QuizOption> Options)
    : ChoiceQuestion(Text, Explanation, Options);

public sealed record MultipleChoiceQuestion(string Text, string Explanation, IReadOnlyList<QuizOption> Options)
    : ChoiceQuestion(Text, Explanation, Options);

/// <summary>Choose among pictures: each option's <see cref="QuizOption.Image"/> is a file, its text the alt text.</summary>
public sealed record ImageChoiceQuestion(string Text, string Explanation, IReadOnlyList<QuizOption> Options)
    : ChoiceQuestion(Text, Explanation, Options);

public sealed record TrueFalseQuestion(string Text, string Explanation, bool Answer, string? TrueFeedback = null, string? FalseFeedback = null)
    : Question(Text, Explanation);

/// <summary>Put steps in order; <see cref="Steps"/> are written in the right order.</summary>
public sealed record OrderingQuestion(string Text, string Explanation, IReadOnlyList<string> Steps) : Question(Text, Explanation);

/// <summary>A typed answer, right when it matches one of <see cref="Answers"/> after folding (see <see cref="QuizScoring"/>).</summary>
public sealed record ShortTextQuestion(string Text, string Explanation, IReadOnlyList<string> Answers, string? WrongFeedback = null)
    : Question(Text, Explanation);

/// <summary>
/// What a learner answered, in the question's own terms (never display positions): option indexes as written
/// in quiz.yml (true/false: 0 is "true", 1 is "false"), step indexes in her order, or her typed text.
/// </summary>
public sealed record QuizResponse(IReadOnlyList<int> Choices, string? Text = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    public const int MaxTextLength = 200;

    public static QuizResponse Choice(params int[] choices) => new(choices);
    public static QuizResponse Typed(string text) => new([], text);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static QuizResponse FromJson(string json) => JsonSerializer.Deserialize<QuizResponse>(json, Json) ?? new([]);
}
