namespace HoaHung.Learning.Classes;

public enum CellState
{
    /// <summary>The assignment is for another group.</summary>
    NotAssigned,
    NotStarted,
    InProgress,
    Done,
}

/// <summary>
/// One learner × one assignment. For a quiz: <see cref="Score"/> is her best finished score and <see cref="Passed"/>
/// whether any attempt passed. For a path: <see cref="Completed"/> of <see cref="Total"/> lessons.
/// </summary>
public sealed record GridCell(CellState State, int? Score = null, bool Passed = false, int Completed = 0, int Total = 0, bool NeedsHelp = false)
{
    public static readonly GridCell NotAssigned = new(CellState.NotAssigned);
    public static readonly GridCell NotStarted = new(CellState.NotStarted);
}

/// <summary>What the database says about one learner in one lesson.</summary>
public sealed record LessonFacts(bool Opened, bool Completed, QuizFacts? Quiz)
{
    public static readonly LessonFacts None = new(false, false, null);
}

/// <summary>One learner's quiz work on one lesson: finished attempts, an open one, and her answers oldest first.</summary>
public sealed record QuizFacts(int Finished, int Failed, bool Passed, int? Best, bool Open, IReadOnlyList<bool> Answers)
{
    public bool Started => Open || Finished > 0 || Answers.Count > 0;
}

/// <summary>
/// The grid's rules, pure so they are tested on their own. "Cần giúp" (needs help), after Kolibri's coach
/// reports: a learner who has not passed a quiz and either got its last <see cref="WrongInARow"/> answers wrong
/// (across attempts, newest last) or failed <see cref="FailedAttempts"/> finished attempts. Passing clears it; so
/// does a right answer that breaks the run, unless two attempts already failed.
/// </summary>
public static class GridRules
{
    public const int WrongInARow = 3;
    public const int FailedAttempts = 2;

    public static bool NeedsHelp(QuizFacts? quiz)
    {
        if (quiz is null || quiz.Passed)
            return false;
        if (quiz.Failed >= FailedAttempts)
            return true;
        var answers = quiz.Answers;
        if (answers.Count < WrongInARow)
            return false;
        for (var i = answers.Count - WrongInARow; i < answers.Count; i++)
            if (answers[i])
                return false;
        return true;
    }

    /// <summary>A lesson assignment: done when completed (a quiz lesson completes when passed), started when opened.</summary>
    public static GridCell Lesson(LessonFacts facts) => new(
        facts.Completed ? CellState.Done : facts.Opened || facts.Quiz?.Started == true ? CellState.InProgress : CellState.NotStarted,
        NeedsHelp: !facts.Completed && NeedsHelp(facts.Quiz));

    /// <summary>A quiz assignment: done once an attempt is finished (with her best score), started once she began one.</summary>
    public static GridCell Quiz(LessonFacts facts)
    {
        var quiz = facts.Quiz;
        if (quiz is null || !quiz.Started)
            return new GridCell(facts.Opened ? CellState.InProgress : CellState.NotStarted);
        return new GridCell(quiz.Finished > 0 ? CellState.Done : CellState.InProgress, quiz.Best, quiz.Passed, NeedsHelp: NeedsHelp(quiz));
    }

    /// <summary>A path: how many of its lessons are completed; needs help when any of its quizzes does.</summary>
    public static GridCell Path(IReadOnlyList<LessonFacts> lessons)
    {
        var completed = lessons.Count(l => l.Completed);
        var state = lessons.Count > 0 && completed == lessons.Count ? CellState.Done
            : completed > 0 || lessons.Any(l => l.Opened || l.Quiz?.Started == true) ? CellState.InProgress
            : CellState.NotStarted;
        return new GridCell(state, Completed: completed, Total: lessons.Count,
            NeedsHelp: lessons.Any(l => !l.Completed && NeedsHelp(l.Quiz)));
    }
}
