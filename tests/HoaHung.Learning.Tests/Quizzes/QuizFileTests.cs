using HoaHung.Learning.Catalog;
using HoaHung.Learning.ContentPacks;
using HoaHung.Learning.Markdown;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Tests.ContentPacks;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.Tests.Quizzes;

/// <summary>quiz.yml as content/README.md documents it: read on import, every mistake named by file and question.</summary>
public sealed class QuizFileTests
{
    private static readonly ContentReader Reader = new(new LessonMarkdown());

    internal const string EveryType = """
        title: Kiểm tra thử
        pass_mark: 60
        shuffle_questions: false
        shuffle_options: true
        attempts: 2
        show_answers: true
        questions:
          - type: single
            text: Câu một lựa chọn
            explanation: Giải thích một
            options:
              - text: Đúng
                correct: true
                feedback: Chuẩn
              - text: Sai
          - type: multiple
            text: Câu nhiều lựa chọn
            explanation: Giải thích hai
            options:
              - { text: A, correct: true }
              - { text: B, correct: true }
              - { text: C }
          - type: true_false
            text: Câu đúng sai
            answer: false
            explanation: Giải thích ba
            feedback_true: Không phải vậy
          - type: ordering
            text: Câu sắp xếp
            explanation: Giải thích bốn
            steps: [Một, Hai, Ba]
          - type: image
            text: Câu chọn hình
            explanation: Giải thích năm
            options:
              - { image: a.png, text: Hình A, correct: true }
              - { image: b.png, text: Hình B }
          - type: text
            text: Câu trả lời ngắn
            explanation: Giải thích sáu
            answers: [Đăng ký, dang ki]
        """;

    private static ContentFolder Lesson(string quiz, string type = "tutorial")
    {
        var content = new ContentFolder().Topics(("chu-de", "Chủ đề"))
            .File("lessons/bai-a/index.md", $"---\ntitle: Bài A\nsummary: Tóm tắt.\ntopic: chu-de\ntype: {type}\n---\nNội dung.\n")
            .File("lessons/bai-a/a.png", TestMedia.Png(10, 10)).File("lessons/bai-a/b.png", TestMedia.Png(12, 10));
        return quiz.Length == 0 ? content : content.File("lessons/bai-a/quiz.yml", quiz);
    }

    [Fact]
    public void A_quiz_with_every_type_is_read_with_its_settings_and_pictures()
    {
        using var content = Lesson(EveryType);
        var set = Reader.Read(content.Root);
        Assert.Empty(set.Problems);
        var lesson = Assert.Single(set.Lessons);
        var quiz = QuizDefinition.FromJson(lesson.QuizJson)!;
        Assert.Equal(("Kiểm tra thử", 60, false, true, 2, true), (quiz.Title, quiz.PassMark, quiz.ShuffleQuestions, quiz.ShuffleOptions, quiz.MaxAttempts, quiz.ShowAnswers));
        Assert.Equal([QuestionKind.Single, QuestionKind.Multiple, QuestionKind.TrueFalse, QuestionKind.Ordering, QuestionKind.Image, QuestionKind.Text],
            quiz.Questions.Select(q => q.Kind));
        Assert.Equal(["a.png", "b.png"], lesson.Files.Keys.Order());
        Assert.Equal("Không phải vậy", ((TrueFalseQuestion)quiz.Questions[2]).TrueFeedback);
    }

    [Fact]
    public void Defaults_are_the_lesson_title_seventy_percent_unlimited_attempts_and_answers_shown()
    {
        using var content = Lesson("questions:\n  - type: true_false\n    text: Trời xanh\n    answer: true\n    explanation: Vì thế\n");
        var quiz = QuizDefinition.FromJson(Reader.Read(content.Root).Lessons.Single().QuizJson)!;
        Assert.Equal(("Bài A", 70, 0, true, false, true), (quiz.Title, quiz.PassMark, quiz.MaxAttempts, quiz.ShowAnswers, quiz.ShuffleQuestions, quiz.ShuffleOptions));
    }

    [Fact]
    public void Changing_the_quiz_changes_the_lesson_hash()
    {
        using var content = Lesson(EveryType);
        var before = Reader.Read(content.Root).Lessons.Single().Hash;
        content.File("lessons/bai-a/quiz.yml", EveryType.Replace("pass_mark: 60", "pass_mark: 80"));
        Assert.NotEqual(before, Reader.Read(content.Root).Lessons.Single().Hash);
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { EveryType.Replace("      - text: Đúng\n        correct: true", "      - text: Đúng"), "câu 1 (“Câu một lựa chọn”)", "không có đáp án đúng" },
        { EveryType.Replace("      - text: Sai", "      - text: Sai\n        correct: true"), "câu 1", "chỉ được có một đáp án đúng" },
        { EveryType.Replace("steps: [Một, Hai, Ba]", "steps: [Một]"), "câu 4 (“Câu sắp xếp”)", "ít nhất 2 bước" },
        { EveryType.Replace("image: b.png", "image: c.png"), "câu 5 (“Câu chọn hình”)", "không tìm thấy tệp hình 'c.png'" },
        { EveryType.Replace("image: b.png", "image: ../b.png"), "câu 5", "không hợp lệ" },
        { EveryType.Replace("image: b.png", "image: b.svg"), "câu 5", "phải có đuôi" },
        { EveryType.Replace("{ image: b.png, text: Hình B }", "{ image: b.png }"), "câu 5", "thiếu lời tả hình" },
        { EveryType.Replace("answers: [Đăng ký, dang ki]", "answers: []"), "câu 6 (“Câu trả lời ngắn”)", "ít nhất một đáp án" },
        { EveryType.Replace("    answer: false\n", ""), "câu 3 (“Câu đúng sai”)", "answer: true hoặc answer: false" },
        { EveryType.Replace("    explanation: Giải thích hai\n", ""), "câu 2 (“Câu nhiều lựa chọn”)", "thiếu lời giải thích" },
        { EveryType.Replace("type: multiple", "type: essay"), "câu 2", "loại câu hỏi (type) 'essay' không hợp lệ" },
        { EveryType.Replace("      - { text: B, correct: true }\n      - { text: C }\n", ""), "câu 2", "cần từ 2 đến 8 lựa chọn" },
        { EveryType.Replace("pass_mark: 60", "pass_mark: 150"), "quiz.yml", "điểm đạt (pass_mark) phải từ 1 đến 100" },
        { "title: Trống\nquestions: []\n", "quiz.yml", "chưa có câu hỏi nào" },
        { "title: &a Neo\nquestions: []\n", "quiz.yml", "anchor" },
        { "questions:\n  - type: single\n    text: [không đóng\n", "quiz.yml", "YAML sai cú pháp" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_quiz_is_reported_naming_the_file_and_the_question_and_the_lesson_is_skipped(string quiz, string where, string reason)
    {
        using var content = Lesson(quiz);
        var set = Reader.Read(content.Root);
        Assert.Empty(set.Lessons);
        var problem = Assert.Single(set.Problems);
        Assert.EndsWith(Path.Combine("bai-a", "quiz.yml"), problem.Path);
        Assert.Contains(where, ContentText.Line(problem));
        Assert.Contains(reason, ContentText.Of(problem));
    }

    [Fact]
    public void A_picture_refusal_inside_a_question_is_worded_within_it_in_either_language()
    {
        using var content = Lesson(EveryType.Replace("image: b.png", "image: b.svg"));
        var problem = Assert.Single(Reader.Read(content.Root).Problems);

        var inQuestion = problem.Reason;
        Assert.Equal((QuizReasons.InQuestionQuoted, 5), (inQuestion.Key, inQuestion.Args[0]));
        var option = Assert.IsType<Reason>(inQuestion.Args[2]);
        Assert.Equal(QuizReasons.OptionPicture, option.Key);
        Assert.Equal(ContentReasons.WrongExtension, Assert.IsType<Reason>(option.Args[1]).Key);
        Assert.Equal("câu 5 (“Câu chọn hình”): lựa chọn 2: tệp hình 'b.svg' phải có đuôi .png, .jpg, .jpeg, .webp",
            ContentText.Of(problem));
        Assert.Equal("question 5 (“Câu chọn hình”): option 2: picture file 'b.svg' must end in .png, .jpg, .jpeg, .webp",
            ContentText.Of(problem, "en"));
    }

    [Fact]
    public void A_quiz_lesson_needs_its_quiz_file()
    {
        using var content = Lesson("", type: "quiz");
        var problem = Assert.Single(Reader.Read(content.Root).Problems);
        Assert.EndsWith("index.md", problem.Path);
        Assert.Contains("quiz.yml", ContentText.Of(problem));
    }

    [Fact]
    public void A_lesson_of_type_quiz_with_its_file_is_read_as_a_quiz_lesson()
    {
        using var content = Lesson(EveryType, type: "quiz");
        var lesson = Assert.Single(Reader.Read(content.Root).Lessons);
        Assert.Equal(LessonType.Quiz, lesson.Content.Type);
        Assert.NotNull(lesson.QuizJson);
    }
}
