using System.Reflection;
using System.Text;
using System.Text.Json;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Catalog;
using HoaHung.Learning.Media;
using HoaHung.Learning.Packs;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Studio.Review;
using HoaHung.Learning.Tests.Infrastructure;
using HoaHung.Learning.Tests.Packs;
using HoaHung.Learning.Web.Studio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Tests.Catalog;

/// <summary>
/// A lesson's content is defined once (<see cref="LessonContent"/>, issue 21 item 2): every one of its properties,
/// found by reflection, survives import → working copy → revision → pack → import, and every mapping of it (working
/// copy, revision, the editor's form) carries every property. A property added to <see cref="LessonContent"/> fails
/// here until the samples set it and every mapping carries it.
/// </summary>
public sealed class LessonContentRoundTripTests(PackTargetSqliteSite site) : IClassFixture<PackTargetSqliteSite>
{
    private static readonly PropertyInfo[] Properties = typeof(LessonContent).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    /// <summary>What a revision does not hold: the path choices, which live on the learning paths once published.</summary>
    private static readonly string[] PathChoices = [nameof(LessonContent.Paths), nameof(LessonContent.EntryTestFor)];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void The_samples_set_every_property_of_the_content_to_a_value_other_than_its_default()
    {
        var (quiz, video) = Samples("chu-de-x", "lo-trinh-x", "x");
        var empty = new LessonContent();
        Assert.NotEmpty(Properties);
        // The video is a file or a YouTube address (one front-matter key): each sample sets one, together they set all.
        Assert.All(Properties, p => Assert.True(Value(p, quiz) != Value(p, empty) || Value(p, video) != Value(p, empty),
            $"{p.Name}: no sample sets it, so nothing shows it is carried; set it in Samples()"));
    }

    [Fact]
    public void The_working_copy_maps_every_property_both_ways()
    {
        var (quiz, video) = Samples("chu-de-x", "lo-trinh-x", "x");
        foreach (var sample in new[] { quiz, video })
        {
            var draft = new LessonDraft();
            draft.Apply(sample);
            AssertCarried(sample, draft.ToContent(), "LessonDraft.Apply → ToContent");
        }
    }

    [Fact]
    public void A_revision_maps_every_property_but_the_path_choices_both_ways()
    {
        var (quiz, video) = Samples("chu-de-x", "lo-trinh-x", "x");
        var files = new Dictionary<string, (Guid Id, MediaKind Kind)>(StringComparer.Ordinal)
        {
            ["bai-giang.mp4"] = (Guid.NewGuid(), MediaKind.Video), ["bai-giang.vi.vtt"] = (Guid.NewGuid(), MediaKind.Captions),
            ["bia.png"] = (Guid.NewGuid(), MediaKind.Image), ["anh-bia.png"] = (Guid.NewGuid(), MediaKind.Image),
            ["buoc-1.png"] = (Guid.NewGuid(), MediaKind.Image),
        };
        foreach (var sample in new[] { quiz, video })
        {
            var check = sample.Quiz is null ? null : QuizBuilder.Check(sample.Quiz, sample.Title, files.ToDictionary(f => f.Key, f => f.Value.Kind));
            Assert.True(sample.Quiz is null || check?.Quiz is not null, "the sample's quiz is a valid quiz");
            var revision = new LessonRevision();
            revision.Apply(sample, check?.Quiz, files);
            var back = revision.ToContent(files.ToDictionary(f => f.Key, f => f.Value.Id));
            AssertCarried(sample, back, "LessonRevision.Apply → ToContent", except: PathChoices);
            Assert.Empty(back.Paths);
            Assert.Empty(back.EntryTestFor);
        }
    }

    /// <summary>
    /// The reviewer's comparison (<see cref="RevisionDiff.Compare"/>) shows a change of every property a revision holds:
    /// each set alone on an empty lesson must make some field of the comparison changed.
    /// </summary>
    [Fact]
    public void The_review_comparison_shows_a_change_of_every_property_a_revision_holds()
    {
        var (quiz, video) = Samples("chu-de-x", "lo-trinh-x", "x");
        var empty = new LessonContent();
        var files = new Dictionary<string, Guid>(StringComparer.Ordinal);
        Assert.All(Properties.Where(p => !PathChoices.Contains(p.Name)), p =>
        {
            var sample = Value(p, quiz) != Value(p, empty) ? quiz : video;
            var changed = empty with { };
            p.SetValue(changed, p.GetValue(sample));
            Assert.True(RevisionDiff.Compare(empty, changed, files, files).Any(f => f.Changed),
                $"{p.Name}: changed alone, the review comparison shows no change; add it to RevisionDiff.Compare");
        });
    }

    [Fact]
    public void The_editor_form_has_and_carries_every_property()
    {
        var names = typeof(EditorModel).GetProperties().Select(p => p.Name).ToHashSet();
        Assert.All(Properties, p => Assert.Contains(p.Name, names));
        var (quiz, video) = Samples("chu-de-x", "lo-trinh-x", "x");
        foreach (var sample in new[] { quiz, video })
            AssertCarried(sample, EditorModel.From(sample).ToContent(), "EditorModel.From → ToContent");
    }

    [Fact]
    public async Task Every_property_survives_import_working_copy_revision_pack_and_import_again()
    {
        site.EnsureAvailable();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (topic, path) = ($"chu-de-{tag}", $"lo-trinh-{tag}");
        var (quizLesson, videoLesson) = ($"bai-kiem-tra-{tag}", $"bai-video-{tag}");
        var (quiz, video) = Samples(topic, path, tag);
        var reviewer = await site.StaffAsync(null, Roles.Reviewer);

        // 1. Import: a pack holding both lessons, their files, the path and its entry test.
        var first = Assert.IsType<PackImportResult.Imported>(await site.ImportPackAsync(Pack(topic, path, quizLesson, videoLesson), reviewer.Id)).Report;
        var slugs = first.Lessons.ToDictionary(l => l.PackSlug, l => l.Slug);
        var published = new List<int>();
        foreach (var (packSlug, sample) in new[] { (quizLesson, quiz), (videoLesson, video) })
        {
            // 2. The working copy, and the revision the import made.
            var draft = Assert.IsType<OpenResult.Opened>(await site.Drafts.OpenAsync(reviewer.Id, slugs[packSlug], CancellationToken.None)).Draft;
            AssertCarried(sample, draft.Content, $"{packSlug}: import → working copy");
            var imported = await LastRevisionAsync(draft.LessonId);
            AssertCarried(sample, imported.Content, $"{packSlug}: import → revision", except: PathChoices);

            // 3. A revision the studio makes from the working copy (an edit undone, then "Lưu nháp").
            var edited = Assert.IsType<DraftResult.Saved>(await site.Drafts.SaveAsync(reviewer.Id, draft.LessonId,
                new DraftEdit(draft.Version, draft.Content with { Title = "Tạm" }), CancellationToken.None));
            var saved = Assert.IsType<DraftResult.Saved>(await site.Drafts.SaveRevisionAsync(reviewer.Id, draft.LessonId,
                new DraftEdit(edited.Version, draft.Content), CancellationToken.None));
            var revision = await LastRevisionAsync(draft.LessonId);
            Assert.Equal(saved.RevisionId, revision.Revision.Id);
            Assert.NotEqual(imported.Revision.Id, revision.Revision.Id);
            AssertCarried(sample, revision.Content, $"{packSlug}: working copy → revision", except: PathChoices);
            Assert.True(await site.Services.GetRequiredService<LessonPublisher>().PublishAsync(draft.LessonId, revision.Revision.Id, reviewer.Id, CancellationToken.None));
            published.Add(draft.LessonId);
        }

        // 4. A pack of the topic (what is published), imported again: new working copies equal to what was written.
        var (exported, file) = await site.ExportAsync(PackKind.Topic, topic);
        Assert.Equal(2, Assert.IsType<PackExportResult.Written>(exported).Lessons);
        var second = Assert.IsType<PackImportResult.Imported>(await site.ImportPackAsync(file, reviewer.Id)).Report;
        Assert.Equal([path], second.PathsJoined);
        foreach (var lesson in second.Lessons)
        {
            var sample = lesson.PackSlug == slugs[quizLesson] ? quiz : video;
            Assert.NotEqual(slugs[lesson.PackSlug], lesson.Slug); // a new lesson beside the published one
            var draft = Assert.IsType<OpenResult.Opened>(await site.Drafts.OpenAsync(reviewer.Id, lesson.Slug, CancellationToken.None)).Draft;
            AssertCarried(sample, draft.Content, $"{lesson.PackSlug}: pack → import → working copy");
            AssertCarried(sample, (await LastRevisionAsync(draft.LessonId)).Content, $"{lesson.PackSlug}: pack → import → revision", except: PathChoices);
        }
    }

    private Task<StoredRevision> LastRevisionAsync(int lessonId) => site.WithDbAsync(async db =>
    {
        var id = await db.LessonRevisions.Where(r => r.LessonId == lessonId).OrderByDescending(r => r.Number).Select(r => r.Id).FirstAsync();
        return (await StoredRevision.LoadAsync(db, lessonId, id, CancellationToken.None))!;
    });

    /// <summary>
    /// A quiz lesson with a video file, captions, poster, cover, tags and a quiz that is its path's entry test, and a
    /// video lesson with a YouTube address: between them every property set, none to its default.
    /// </summary>
    private static (LessonContent Quiz, LessonContent Video) Samples(string topic, string path, string tag) =>
    (
        new LessonContent
        {
            Title = $"Kiểm tra an toàn {tag}",
            Summary = "Năm phút ôn lại cách giữ mã OTP.",
            Topic = topic,
            Type = LessonType.Quiz,
            Level = LessonLevel.Advanced,
            Minutes = 42,
            Tags = "mã OTP, lừa đảo",
            Body = "## Trước khi làm bài\n\nXem video rồi trả lời.\n\n![Tin nhắn có đường dẫn lạ](buoc-1.png)\n",
            VideoPath = "bai-giang.mp4",
            CaptionsPath = "bai-giang.vi.vtt",
            PosterPath = "bia.png",
            CoverPath = "anh-bia.png",
            Quiz = new QuizInput
            {
                Title = "Ôn lại về mã OTP",
                PassMark = 60,
                ShuffleQuestions = true,
                ShuffleOptions = false,
                Attempts = 2,
                ShowAnswers = false,
                Questions =
                [
                    new QuestionInput
                    {
                        Type = "single", Text = "Ngân hàng có hỏi mã OTP không?", Explanation = "Không bao giờ.",
                        Options = [new OptionInput { Text = "Không bao giờ", Correct = true }, new OptionInput { Text = "Có, khi gọi điện", Feedback = "Đó là kẻ lừa đảo." }],
                    },
                    new QuestionInput
                    {
                        Type = "image", Text = "Hình nào là tin nhắn lừa đảo?", Explanation = "Đường dẫn lạ.",
                        Options = [new OptionInput { Text = "Tin nhắn có đường dẫn lạ", Correct = true, Image = "buoc-1.png" }, new OptionInput { Text = "Bìa của video", Image = "bia.png" }],
                    },
                ],
            },
            Paths = [path],
            EntryTestFor = [path],
        },
        new LessonContent
        {
            Title = $"Xem video về VNeID {tag}",
            Summary = "Một video ngắn trên YouTube.",
            Topic = topic,
            Type = LessonType.Video,
            Level = LessonLevel.Intermediate,
            Minutes = 9,
            Tags = "VNeID, video",
            Body = "Xem video rồi làm theo từng bước.\n",
            VideoUrl = "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            Paths = [path],
        }
    );

    /// <summary>The samples as a content folder writes them (content/README.md), zipped.</summary>
    private static string Pack(string topic, string path, string quizLesson, string videoLesson)
    {
        var (quiz, video) = Samples(topic, path, path[(path.LastIndexOf('-') + 1)..]);
        static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);
        return PackZip.Write([
            ("topics.yml", Text($"- slug: {topic}\n  title: Chủ đề thử\n  icon: shield\n"), 0),
            ($"lessons/{quizLesson}/index.md", Text($"---\ntitle: {quiz.Title}\nsummary: {quiz.Summary}\ntopic: {topic}\ntype: quiz\nlevel: advanced\n"
                + "minutes: 42\ntags: [mã OTP, lừa đảo]\nvideo: bai-giang.mp4\ncaptions: bai-giang.vi.vtt\nposter: bia.png\ncover: anh-bia.png\n---\n" + quiz.Body), 0),
            ($"lessons/{quizLesson}/quiz.yml", Text("title: Ôn lại về mã OTP\npass_mark: 60\nshuffle_questions: true\nshuffle_options: false\n"
                + "attempts: 2\nshow_answers: false\nquestions:\n"
                + "  - type: single\n    text: Ngân hàng có hỏi mã OTP không?\n    explanation: Không bao giờ.\n    options:\n"
                + "      - text: Không bao giờ\n        correct: true\n      - text: Có, khi gọi điện\n        feedback: Đó là kẻ lừa đảo.\n"
                + "  - type: image\n    text: Hình nào là tin nhắn lừa đảo?\n    explanation: Đường dẫn lạ.\n    options:\n"
                + "      - { image: buoc-1.png, text: Tin nhắn có đường dẫn lạ, correct: true }\n      - { image: bia.png, text: Bìa của video }\n"), 0),
            ($"lessons/{quizLesson}/buoc-1.png", TestMedia.Png(640, 480), 0),
            ($"lessons/{quizLesson}/bai-giang.mp4", TestMedia.Mp4(), 0),
            ($"lessons/{quizLesson}/bai-giang.vi.vtt", Text(TestMedia.Vtt("Không đọc mã OTP cho ai")), 0),
            ($"lessons/{quizLesson}/bia.png", TestMedia.Png(400, 225), 0),
            ($"lessons/{quizLesson}/anh-bia.png", TestMedia.Png(480, 270), 0),
            ($"lessons/{videoLesson}/index.md", Text($"---\ntitle: {video.Title}\nsummary: {video.Summary}\ntopic: {topic}\ntype: video\n"
                + $"level: intermediate\nminutes: 9\ntags: [VNeID, video]\nvideo: {video.VideoUrl}\n---\n" + video.Body), 0),
            ($"paths/{path}.yml", Text($"title: Lộ trình thử\nlessons: [{quizLesson}, {videoLesson}]\nentry_test: {quizLesson}\n"), 0),
        ]);
    }

    private static string Value(PropertyInfo p, LessonContent c) => JsonSerializer.Serialize(p.GetValue(c), Json);

    private static void AssertCarried(LessonContent expected, LessonContent actual, string stage, params string[] except)
    {
        foreach (var p in Properties.Where(p => !except.Contains(p.Name)))
            Assert.True(Value(p, expected) == Value(p, actual), $"{stage}: {p.Name} was {Value(p, actual)}, expected {Value(p, expected)}");
    }
}
