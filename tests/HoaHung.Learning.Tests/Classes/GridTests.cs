using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;

namespace HoaHung.Learning.Tests.Classes;

/// <summary>The live grid, its change signal, per-quiz statistics and "Của tôi", on each database provider.</summary>
public abstract class GridTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : ClassesSite
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A class with a lesson, the path and the quiz assigned (the quiz to group "Bàn 1" only).</summary>
    private async Task<(int Id, AppUser Trainer, int Group, int[] Assignments)> ClassAsync()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var group = Assert.IsType<ClassResult.Created>(await site.Get<ClassSchedule>().AddGroupAsync(hoa.Id, id, "Bàn 1", None)).Id;
        int[] assignments =
        [
            await site.AssignAsync(hoa, id, AssignmentKind.Lesson, ClassesSite.LessonA, due: new DateOnly(2020, 1, 1)),
            await site.AssignAsync(hoa, id, AssignmentKind.Path, ClassesSite.PathSlug),
            await site.AssignAsync(hoa, id, AssignmentKind.Quiz, ClassesSite.Quiz, group),
        ];
        return (id, hoa, group, assignments);
    }

    private async Task<GridView> GridAsync(AppUser trainer, int id) =>
        Assert.IsType<ClassRead<GridView>.Found>(await site.Get<ClassGrid>().LoadAsync(trainer.Id, id, None)).Value;

    [Fact]
    public async Task Cells_show_not_started_in_progress_done_scores_and_who_needs_help()
    {
        var (id, hoa, group, _) = await ClassAsync();
        var an = await site.MemberAsync(id, "An");
        var binh = await site.MemberAsync(id, "Bình");
        var chi = await site.MemberAsync(id, "Chi");
        foreach (var user in new[] { binh, chi })
            await site.Get<ClassSchedule>().SetGroupAsync(hoa.Id, id, user.Id, group, None);

        await site.OpenAsync(an, ClassesSite.LessonB);
        await site.CompleteAsync(binh, ClassesSite.LessonA);
        await site.CompleteAsync(binh, ClassesSite.LessonB);
        Assert.Equal(66, await site.TakeQuizAsync(binh, true, false, true));
        await site.TakeQuizAsync(chi, false, false, false); // three wrong in a row: finished, failed

        var grid = await GridAsync(hoa, id);

        Assert.Equal(["Bài một", "Lộ trình của lớp", "Bài kiểm tra"], grid.Columns.Select(c => c.Title));
        Assert.Equal(["An", "Bình", "Chi"], grid.Rows.Select(r => r.DisplayName));
        Assert.Equal([CellState.NotStarted, CellState.InProgress, CellState.NotAssigned], grid.Rows[0].Cells.Select(c => c.State));
        Assert.Equal((0, 2), (grid.Rows[0].Cells[1].Completed, grid.Rows[0].Cells[1].Total));
        Assert.Equal([CellState.Done, CellState.Done, CellState.Done], grid.Rows[1].Cells.Select(c => c.State));
        Assert.Equal((66, true), (grid.Rows[1].Cells[2].Score, grid.Rows[1].Cells[2].Passed));
        Assert.Equal([CellState.NotStarted, CellState.NotStarted, CellState.Done], grid.Rows[2].Cells.Select(c => c.State));
        Assert.Equal((0, false), (grid.Rows[2].Cells[2].Score, grid.Rows[2].Cells[2].Passed));
        Assert.Equal([false, false, true], grid.Rows.Select(r => r.NeedsHelp));
        Assert.Equal([("Bàn 1", group)], grid.Groups.Select(g => (g.Name, g.Id)));
    }

    [Fact]
    public async Task The_grid_takes_the_same_number_of_queries_for_three_or_thirty_learners()
    {
        var (id, hoa, group, _) = await ClassAsync();
        var counting = new CountingContexts(site);
        var (grid, _) = counting.Services(site);
        var first = await site.MemberAsync(id);
        await site.CompleteAsync(first, ClassesSite.LessonA);
        for (var i = 0; i < 2; i++)
            await site.MemberAsync(id, $"Cư dân {i}");

        counting.Reset();
        Assert.Equal(3, Assert.IsType<ClassRead<GridView>.Found>(await grid.LoadAsync(hoa.Id, id, None)).Value.Rows.Count);
        var forThree = counting.Commands;

        for (var i = 0; i < 27; i++)
        {
            var learner = await site.MemberAsync(id, $"Học viên {i}");
            await site.Get<ClassSchedule>().SetGroupAsync(hoa.Id, id, learner.Id, i % 2 == 0 ? group : null, None);
            await site.CompleteAsync(learner, ClassesSite.LessonB);
            await site.TakeQuizAsync(learner, true, i % 3 == 0, false);
        }
        counting.Reset();
        Assert.Equal(30, Assert.IsType<ClassRead<GridView>.Found>(await grid.LoadAsync(hoa.Id, id, None)).Value.Rows.Count);

        Assert.Equal(forThree, counting.Commands);
        Assert.Equal(10, counting.Commands); // access 2, version, assignments, path lessons, members, groups, progress, attempts, answers
    }

    [Fact]
    public async Task The_version_changes_with_every_learner_step_and_trainer_change()
    {
        var (id, hoa, _, _) = await ClassAsync();
        var activity = site.Get<ClassActivity>();
        var lan = await site.MemberAsync(id);
        var outsider = await site.LearnerAsync();
        var versions = new List<string?> { await activity.VersionAsync(id, None) };
        async Task Step(Func<Task> step)
        {
            await Task.Delay(2); // distinct timestamps on a fast machine
            await step();
            versions.Add(await activity.VersionAsync(id, None));
        }

        await Step(() => site.OpenAsync(lan, ClassesSite.LessonA));
        await Step(() => site.CompleteAsync(lan, ClassesSite.LessonA));
        await Step(() => site.TakeQuizAsync(lan, false));
        await Step(() => site.TakeQuizAsync(lan, false, true));
        await Step(() => site.TakeQuizAsync(lan, false, true, true));
        await Step(() => site.Get<ClassSchedule>().AddGroupAsync(hoa.Id, id, "Bàn 2", None));
        Assert.Equal(versions.Count, versions.Distinct().Count());

        var last = versions[^1];
        await site.CompleteAsync(outsider, ClassesSite.LessonB);
        Assert.Equal(last, await activity.VersionAsync(id, None));
        Assert.Null(await activity.VersionAsync(int.MaxValue, None));
    }

    [Fact]
    public async Task Watching_yields_a_new_version_soon_after_a_learner_finishes_a_lesson()
    {
        var (id, _, _, _) = await ClassAsync();
        var activity = site.Get<ClassActivity>();
        var lan = await site.MemberAsync(id);
        var since = await activity.VersionAsync(id, None);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = activity.WatchAsync(id, since, u => u == lan.Id, cts.Token).GetAsyncEnumerator(cts.Token);
        var next = watch.MoveNextAsync().AsTask();

        await site.CompleteAsync(lan, ClassesSite.LessonA);

        Assert.True(await next, "the watch ended without a new version");
        Assert.NotEqual(since, watch.Current);
        Assert.Equal(await activity.VersionAsync(id, None), watch.Current);
    }

    [Fact]
    public async Task Quiz_statistics_put_the_hardest_question_first_with_each_learners_answer()
    {
        var (id, hoa, group, assignments) = await ClassAsync();
        var names = new[] { "An", "Bình", "Chi" };
        bool[][] answers = [[true, false, true], [true, false, false], [false, true, true]];
        for (var i = 0; i < 3; i++)
        {
            var learner = await site.MemberAsync(id, names[i]);
            await site.Get<ClassSchedule>().SetGroupAsync(hoa.Id, id, learner.Id, group, None);
            // An earlier attempt that was all wrong: only the latest counts.
            if (i == 0)
                await site.TakeQuizAsync(learner, false, false, false);
            await site.TakeQuizAsync(learner, answers[i]);
        }

        var stats = Assert.IsType<ClassRead<QuizStats>.Found>(await site.Get<QuizStatistics>().ForAssignmentAsync(hoa.Id, assignments[2], None)).Value;

        Assert.Equal((3, 3), (stats.Members, stats.Answering));
        Assert.Equal([(2, 1), (1, 2), (3, 2)], stats.Questions.Select(q => (q.Number, q.Correct)));
        var hardest = stats.Questions[0];
        Assert.Equal(("Câu hai", HoaHung.Learning.Quizzes.QuestionKind.TrueFalse, 3), (hardest.Text, hardest.Kind, hardest.Answered));
        Assert.Equal([("An", false, (bool?)true), ("Bình", false, true), ("Chi", true, false)],
            hardest.Answers.Select(a => (a.DisplayName, a.Correct, a.TrueFalse)));
        Assert.Equal(1 / 3.0, hardest.ShareCorrect, 3);

        var other = await site.TrainerAsync("Anh Minh");
        Assert.IsType<ClassRead<QuizStats>.Refused>(await site.Get<QuizStatistics>().ForAssignmentAsync(other.Id, assignments[2], None));
    }

    [Fact]
    public async Task Her_classes_show_in_Cua_toi_with_her_assignments_due_days_and_state()
    {
        var (id, hoa, group, _) = await ClassAsync();
        var lan = await site.MemberAsync(id, "Bà Lan");
        await site.Get<ClassSchedule>().AddSessionAsync(hoa.Id, id, new SessionForm(new DateOnly(2099, 1, 3), new TimeOnly(8, 0)), None);
        await site.CompleteAsync(lan, ClassesSite.LessonB);

        var mine = Assert.Single(await site.Get<MyClasses>().ForLearnerAsync(lan.Id, None));

        Assert.Equal((id, "Nhà văn hóa khu phố 5", (DateTime?)new DateTime(2099, 1, 3, 1, 0, 0)), (mine.Id, mine.Place, mine.NextSessionAt));
        // The quiz is for group "Bàn 1", which she is not in.
        Assert.Equal([("Bài một", true, CellState.NotStarted), ("Lộ trình của lớp", false, CellState.InProgress)],
            mine.Assignments.Select(a => (a.Title, a.Overdue, a.Cell.State)));
        await site.Get<ClassSchedule>().SetGroupAsync(hoa.Id, id, lan.Id, group, None);
        Assert.Equal(3, Assert.Single(await site.Get<MyClasses>().ForLearnerAsync(lan.Id, None)).Assignments.Count);
        Assert.Empty(await site.Get<MyClasses>().ForLearnerAsync(hoa.Id, None));
    }
}

public sealed class GridTestsOnSqlite(ClassesSqliteSite site) : GridTests<ClassesSqliteSite>(site);

public sealed class GridTestsOnPostgres(ClassesPostgresSite site) : GridTests<ClassesPostgresSite>(site);
