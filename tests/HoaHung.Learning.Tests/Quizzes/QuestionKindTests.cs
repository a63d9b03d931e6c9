using HoaHung.Learning.Quizzes;

namespace HoaHung.Learning.Tests.Quizzes;

public sealed class QuestionKindTests
{
    /// <summary>A quiz as stored in LessonRevisions.QuizJson before kinds became an enum (written by that code, verbatim).</summary>
    private const string StoredQuizJson = """
        {"title":"Ki\u1EC3m tra th\u1EED","passMark":60,"shuffleQuestions":false,"shuffleOptions":true,"maxAttempts":2,"showAnswers":true,"questions":[{"type":"single","options":[{"text":"\u0110\u00FAng","correct":true,"feedback":"Chu\u1EA9n","image":null},{"text":"Sai","correct":false,"feedback":null,"image":null}],"text":"C\u00E2u m\u1ED9t","explanation":"Gi\u1EA3i th\u00EDch m\u1ED9t"},{"type":"multiple","options":[{"text":"A","correct":true,"feedback":null,"image":null},{"text":"B","correct":true,"feedback":null,"image":null},{"text":"C","correct":false,"feedback":null,"image":null}],"text":"C\u00E2u hai","explanation":"Gi\u1EA3i th\u00EDch hai"},{"type":"true_false","answer":false,"trueFeedback":"Kh\u00F4ng ph\u1EA3i v\u1EADy","falseFeedback":null,"text":"C\u00E2u ba","explanation":"Gi\u1EA3i th\u00EDch ba"},{"type":"ordering","steps":["M\u1ED9t","Hai","Ba"],"text":"C\u00E2u b\u1ED1n","explanation":"Gi\u1EA3i th\u00EDch b\u1ED1n"},{"type":"image","options":[{"text":"H\u00ECnh A","correct":true,"feedback":null,"image":"a.png"},{"text":"H\u00ECnh B","correct":false,"feedback":null,"image":"b.png"}],"text":"C\u00E2u n\u0103m","explanation":"Gi\u1EA3i th\u00EDch n\u0103m"},{"type":"text","answers":["\u0110\u0103ng k\u00FD","dang ki"],"wrongFeedback":"G\u00F5 l\u1EA1i","text":"C\u00E2u s\u00E1u","explanation":"Gi\u1EA3i th\u00EDch s\u00E1u"}]}
        """;

    public static TheoryData<string, QuestionKind> Names => new()
    {
        { "single", QuestionKind.Single },
        { "multiple", QuestionKind.Multiple },
        { "true_false", QuestionKind.TrueFalse },
        { "ordering", QuestionKind.Ordering },
        { "image", QuestionKind.Image },
        { "text", QuestionKind.Text },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_kind_is_read_from_and_written_as_its_quiz_yml_name(string name, QuestionKind kind)
    {
        Assert.True(QuestionKinds.TryParse(name, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.Equal(name, kind.Name());
    }

    [Theory]
    [InlineData(" True_False ", QuestionKind.TrueFalse)]
    [InlineData("SINGLE", QuestionKind.Single)]
    [InlineData("\tordering\n", QuestionKind.Ordering)]
    public void An_author_may_write_a_kind_with_spaces_or_capitals(string written, QuestionKind kind)
    {
        Assert.True(QuestionKinds.TryParse(written, out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("essay")]
    [InlineData("TrueFalse")]
    [InlineData("true false")]
    [InlineData("2")]
    public void Anything_else_is_not_a_kind(string? written) => Assert.False(QuestionKinds.TryParse(written, out _));

    [Fact]
    public void Every_kind_has_one_name_and_authors_are_told_all_six()
    {
        Assert.Equal(Enum.GetValues<QuestionKind>().Select(k => k.Name()), QuestionKinds.Names);
        Assert.Equal(6, QuestionKinds.Names.Distinct().Count());
    }

    [Fact]
    public void A_stored_quiz_still_loads_as_the_same_questions_and_is_written_back_unchanged()
    {
        var quiz = QuizDefinition.FromJson(StoredQuizJson)!;
        Assert.Equal(("Kiểm tra thử", 60, false, true, 2, true),
            (quiz.Title, quiz.PassMark, quiz.ShuffleQuestions, quiz.ShuffleOptions, quiz.MaxAttempts, quiz.ShowAnswers));
        Assert.Equal([QuestionKind.Single, QuestionKind.Multiple, QuestionKind.TrueFalse, QuestionKind.Ordering, QuestionKind.Image, QuestionKind.Text],
            quiz.Questions.Select(q => q.Kind));
        Assert.Equal("Chuẩn", Assert.IsType<SingleChoiceQuestion>(quiz.Questions[0]).Options[0].Feedback);
        Assert.Equal(2, Assert.IsType<MultipleChoiceQuestion>(quiz.Questions[1]).Options.Count(o => o.Correct));
        Assert.Equal((false, "Không phải vậy"), (Assert.IsType<TrueFalseQuestion>(quiz.Questions[2]).Answer, ((TrueFalseQuestion)quiz.Questions[2]).TrueFeedback));
        Assert.Equal(["Một", "Hai", "Ba"], Assert.IsType<OrderingQuestion>(quiz.Questions[3]).Steps);
        Assert.Equal(["a.png", "b.png"], quiz.Pictures);
        Assert.Equal(["Đăng ký", "dang ki"], Assert.IsType<ShortTextQuestion>(quiz.Questions[5]).Answers);
        Assert.Equal(StoredQuizJson, quiz.ToJson());
    }

    [Fact]
    public void A_stored_question_of_an_unknown_type_is_refused_not_guessed() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() =>
            QuizDefinition.FromJson(StoredQuizJson.Replace("\"type\":\"ordering\"", "\"type\":\"essay\"", StringComparison.Ordinal)));
}
