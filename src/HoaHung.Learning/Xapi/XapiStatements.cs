using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HoaHung.Learning.Xapi;

/// <summary>Absolute addresses of what statements speak about, built by the site's one place for links.</summary>
public interface IXapiAddresses
{
    /// <summary>The site's public address: the actor account's <c>homePage</c>.</summary>
    string HomePage { get; }
    string Lesson(string slug);
    string Quiz(string lessonSlug);
    string Path(string slug);
    string Class(int classId);
    string Session(int sessionId);
}

/// <summary>A quiz's score as xAPI wants it: raw credits between 0 and the number of questions, and scaled 0..1.</summary>
public readonly record struct QuizScore(double Credits, int Questions)
{
    public double Scaled => Questions <= 0 ? 0 : Math.Round(Math.Clamp(Credits / Questions, 0, 1), 4);
    public double Raw => Math.Round(Math.Clamp(Credits, 0, Questions), 4);
}

/// <summary>
/// Builds xAPI 1.0.3 statements (docs/architecture.md §9, "xAPI"): ADL verbs, activities named by their public
/// address, Vietnamese names, and an actor that is an account with an opaque name — never a phone, e-mail or name.
/// Pure: the caller gives the id, the time and the words.
/// </summary>
public static class XapiStatements
{
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    public const string Passed = "http://adlnet.gov/expapi/verbs/passed";
    public const string Failed = "http://adlnet.gov/expapi/verbs/failed";
    public const string Attended = "http://adlnet.gov/expapi/verbs/attended";

    public const string LessonType = "http://adlnet.gov/expapi/activities/lesson";
    public const string AssessmentType = "http://adlnet.gov/expapi/activities/assessment";
    public const string CourseType = "http://adlnet.gov/expapi/activities/course";
    public const string MeetingType = "http://adlnet.gov/expapi/activities/meeting";

    private const string Platform = "Kho học liệu số phường Hòa Hưng";

    private static readonly Dictionary<string, (string Vi, string En)> VerbNames = new()
    {
        [Completed] = ("đã hoàn thành", "completed"),
        [Passed] = ("đã đạt", "passed"),
        [Failed] = ("chưa đạt", "failed"),
        [Attended] = ("đã tham dự", "attended"),
    };

    public static string LessonCompleted(Guid id, string actor, IXapiAddresses at, string slug, string title, DateTime when) =>
        Statement(id, actor, at, Completed, Activity(at.Lesson(slug), LessonType, title), new JsonObject { ["completion"] = true }, null, when);

    public static string QuizFinished(Guid id, string actor, IXapiAddresses at, string slug, string title, QuizScore score, bool passed, DateTime when)
    {
        var result = new JsonObject
        {
            ["score"] = new JsonObject { ["scaled"] = score.Scaled, ["raw"] = score.Raw, ["min"] = 0, ["max"] = score.Questions },
            ["success"] = passed,
            ["completion"] = true,
        };
        var parent = new JsonArray(Activity(at.Lesson(slug), LessonType, title));
        return Statement(id, actor, at, passed ? Passed : Failed, Activity(at.Quiz(slug), AssessmentType, title), result, parent, when);
    }

    /// <summary>A certificate: she completed the learning path.</summary>
    public static string PathCompleted(Guid id, string actor, IXapiAddresses at, string slug, string title, DateTime when) =>
        Statement(id, actor, at, Completed, Activity(at.Path(slug), CourseType, title), new JsonObject { ["completion"] = true }, null, when);

    /// <summary>She came to a class session (present or late).</summary>
    public static string SessionAttended(Guid id, string actor, IXapiAddresses at, int classId, string className, int sessionId, DateTime startsAt,
        DateTime when)
    {
        var day = WardTime.ToWard(startsAt).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var session = Activity(at.Session(sessionId), MeetingType, $"{className} — buổi {day}");
        return Statement(id, actor, at, Attended, session, null, new JsonArray(Activity(at.Class(classId), CourseType, className)), when);
    }

    private static string Statement(Guid id, string actor, IXapiAddresses at, string verb, JsonObject activity, JsonObject? result,
        JsonArray? parents, DateTime when)
    {
        var (vi, en) = VerbNames[verb];
        var context = new JsonObject { ["platform"] = Platform, ["language"] = "vi-VN" };
        if (parents is not null)
            context["contextActivities"] = new JsonObject { ["parent"] = parents };
        var statement = new JsonObject
        {
            ["id"] = id.ToString("D"),
            ["actor"] = new JsonObject
            {
                ["objectType"] = "Agent",
                ["account"] = new JsonObject { ["homePage"] = at.HomePage, ["name"] = actor },
            },
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["vi-VN"] = vi, ["en-US"] = en } },
            ["object"] = activity,
        };
        if (result is not null)
            statement["result"] = result;
        statement["context"] = context;
        statement["timestamp"] = DateTime.SpecifyKind(when, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return statement.ToJsonString(Json);
    }

    private static JsonObject Activity(string id, string type, string name) => new()
    {
        ["objectType"] = "Activity",
        ["id"] = id,
        ["definition"] = new JsonObject { ["type"] = type, ["name"] = new JsonObject { ["vi-VN"] = name } },
    };

    // Vietnamese as UTF-8, not \u escapes: smaller rows and readable in the outbox.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
