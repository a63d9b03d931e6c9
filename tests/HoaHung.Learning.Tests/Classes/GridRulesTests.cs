using HoaHung.Learning.Classes;

namespace HoaHung.Learning.Tests.Classes;

public sealed class GridRulesTests
{
    private static QuizFacts Quiz(int finished = 0, int failed = 0, bool passed = false, int? best = null, bool open = false, params bool[] answers) =>
        new(finished, failed, passed, best, open, answers);

    [Fact]
    public void Three_wrong_answers_in_a_row_need_help()
    {
        Assert.True(GridRules.NeedsHelp(Quiz(open: true, answers: [false, false, false])));
        Assert.True(GridRules.NeedsHelp(Quiz(open: true, answers: [true, false, false, false])));
        Assert.False(GridRules.NeedsHelp(Quiz(open: true, answers: [false, false])));
        Assert.False(GridRules.NeedsHelp(Quiz(open: true, answers: [false, false, true])));
        Assert.False(GridRules.NeedsHelp(Quiz(open: true, answers: [false, true, false, false])));
    }

    [Fact]
    public void Two_failed_attempts_need_help_until_she_passes()
    {
        Assert.False(GridRules.NeedsHelp(Quiz(finished: 1, failed: 1, best: 33, answers: [true, false, false])));
        Assert.True(GridRules.NeedsHelp(Quiz(finished: 2, failed: 2, best: 33, answers: [true, false, true])));
        Assert.False(GridRules.NeedsHelp(Quiz(finished: 3, failed: 2, passed: true, best: 100, answers: [false, false, false])));
        Assert.False(GridRules.NeedsHelp(null));
    }

    [Fact]
    public void Lesson_cells_follow_opening_and_completion()
    {
        Assert.Equal(CellState.NotStarted, GridRules.Lesson(LessonFacts.None).State);
        Assert.Equal(CellState.InProgress, GridRules.Lesson(new LessonFacts(true, false, null)).State);
        Assert.Equal(CellState.Done, GridRules.Lesson(new LessonFacts(true, true, null)).State);
        var stuck = GridRules.Lesson(new LessonFacts(true, false, Quiz(open: true, answers: [false, false, false])));
        Assert.True(stuck.NeedsHelp);
        Assert.False(GridRules.Lesson(new LessonFacts(true, true, Quiz(finished: 2, failed: 2))).NeedsHelp);
    }

    [Fact]
    public void Quiz_cells_show_the_best_score_once_finished()
    {
        Assert.Equal(CellState.NotStarted, GridRules.Quiz(LessonFacts.None).State);
        Assert.Equal(CellState.InProgress, GridRules.Quiz(new LessonFacts(false, false, Quiz(open: true, answers: [true]))).State);
        var done = GridRules.Quiz(new LessonFacts(true, true, Quiz(finished: 2, failed: 1, passed: true, best: 100)));
        Assert.Equal((CellState.Done, 100, true, false), (done.State, done.Score, done.Passed, done.NeedsHelp));
        var failed = GridRules.Quiz(new LessonFacts(true, false, Quiz(finished: 2, failed: 2, best: 33)));
        Assert.Equal((CellState.Done, 33, false, true), (failed.State, failed.Score, failed.Passed, failed.NeedsHelp));
    }

    [Fact]
    public void Path_cells_count_completed_lessons()
    {
        Assert.Equal((CellState.NotStarted, 0, 2), Summary(GridRules.Path([LessonFacts.None, LessonFacts.None])));
        Assert.Equal((CellState.InProgress, 0, 2), Summary(GridRules.Path([new LessonFacts(true, false, null), LessonFacts.None])));
        Assert.Equal((CellState.InProgress, 1, 2), Summary(GridRules.Path([new LessonFacts(true, true, null), LessonFacts.None])));
        Assert.Equal((CellState.Done, 2, 2), Summary(GridRules.Path([new LessonFacts(true, true, null), new LessonFacts(true, true, null)])));
        Assert.Equal(CellState.NotStarted, GridRules.Path([]).State);
        Assert.True(GridRules.Path([new LessonFacts(true, false, Quiz(finished: 2, failed: 2))]).NeedsHelp);

        static (CellState, int, int) Summary(GridCell c) => (c.State, c.Completed, c.Total);
    }
}
