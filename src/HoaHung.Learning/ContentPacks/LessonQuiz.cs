using HoaHung.Learning.Catalog;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Text;

namespace HoaHung.Learning.ContentPacks;

/// <summary>
/// A lesson's quiz.yml (content/README.md): required for a quiz lesson, a checkpoint at the end of any other. Its
/// problems are reported against quiz.yml; its pictures join the lesson's files.
/// </summary>
internal static class LessonQuiz
{
    /// <returns>The quiz and the bytes of quiz.yml (part of the lesson's hash); Failed when quiz.yml has problems.</returns>
    public static (QuizDefinition? Quiz, byte[]? File, bool Failed) Read(string folder, string lessonTitle, LessonType type,
        ReferencedFiles lessonFiles, List<Reason> lessonErrors, List<ContentProblem> problems)
    {
        var path = Path.Combine(folder, QuizFile.FileName);
        if (FileKinds.Of(path) == FileKinds.FileKind.Missing)
        {
            if (type == LessonType.Quiz)
                lessonErrors.Add(new(ContentReasons.QuizFileRequired, QuizFile.FileName));
            return (null, null, false);
        }
        if (ContentFiles.ReadText(path, problems) is not var (text, bytes))
            return (null, null, true);
        var pictures = new ReferencedFiles(folder, QuizFile.FileName, ContentReasons.PictureNoun);
        var (quiz, quizErrors) = QuizFile.Read(text, lessonTitle, name => pictures.Check(name, ContentNames.PictureExtensions));
        if (quizErrors.Count > 0)
        {
            problems.Add(new(path, Reason.All(quizErrors)));
            return (null, null, true);
        }
        foreach (var (name, full) in pictures.Found)
            lessonFiles.Found[name] = full;
        return (quiz, bytes, false);
    }
}
