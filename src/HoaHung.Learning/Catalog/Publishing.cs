namespace HoaHung.Learning.Catalog;

/// <summary>Points a lesson at a revision and copies the metadata list pages read.</summary>
public static class Publishing
{
    public static void Publish(Lesson lesson, LessonRevision revision, int topicId, DateTime now)
    {
        lesson.PublishedRevision = revision;
        lesson.TopicId = topicId;
        lesson.Title = revision.Title;
        lesson.Summary = revision.Summary;
        lesson.Type = revision.Type;
        lesson.Level = revision.Level;
        lesson.Minutes = revision.Minutes;
        lesson.Order = revision.Order;
        lesson.Tags = revision.Tags;
        var quiz = Quizzes.QuizDefinition.FromJson(revision.QuizJson);
        (lesson.QuizTitle, lesson.QuizQuestions, lesson.QuizPassMark) = quiz is null ? (null, 0, 0) : (quiz.Title, quiz.Questions.Count, quiz.PassMark);
        lesson.Status = LessonStatus.Published;
        lesson.PublishedAt ??= now;
        lesson.UpdatedAt = now;
        lesson.Version = Guid.NewGuid();
    }
}
