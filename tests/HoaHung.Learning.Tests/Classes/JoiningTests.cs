using HoaHung.Learning.Classes;
using HoaHung.Learning.Tests.Accounts;
using Microsoft.EntityFrameworkCore;

namespace HoaHung.Learning.Tests.Classes;

/// <summary>Joining a class with its code, on each database provider.</summary>
public abstract class JoiningTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : ClassesSite
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<(int Id, string Code, Microsoft.AspNetCore.Identity.IdentityUser Trainer)> ClassAsync()
    {
        var hoa = await site.TrainerAsync();
        var id = await site.ClassAsync(hoa);
        var code = await site.WithDbAsync(db => db.Set<Classroom>().Where(c => c.Id == id).Select(c => c.JoinCode).FirstAsync());
        return (id, code, hoa);
    }

    [Fact]
    public async Task Joining_twice_changes_nothing()
    {
        var joining = site.Get<ClassJoining>();
        var (id, code, _) = await ClassAsync();
        var lan = await site.LearnerAsync();

        var preview = await joining.FindAsync(JoinCodes.Format(code).ToLowerInvariant(), lan.Id, None);
        Assert.Equal((id, true, false), (preview!.ClassId, preview.Open, preview.IsMember));
        Assert.Equal(new JoinResult.Joined(id, "VNeID mức 2 — Khu phố 5 — sáng thứ Bảy", false), await joining.JoinAsync(lan.Id, code, None));
        Assert.Equal(new JoinResult.Joined(id, "VNeID mức 2 — Khu phố 5 — sáng thứ Bảy", true), await joining.JoinAsync(lan.Id, code, None));
        Assert.True((await joining.FindAsync(code, lan.Id, None))!.IsMember);
        var member = Assert.Single(await site.WithDbAsync(db => db.Set<ClassMember>().Where(m => m.ClassId == id).ToListAsync()));
        Assert.Equal((lan.Id, (int?)null, (string?)null), (member.UserId, member.GroupId, member.AddedById));
        Assert.InRange(member.JoinedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_closed_or_archived_class_says_so_and_an_unknown_code_is_unknown()
    {
        var joining = site.Get<ClassJoining>();
        var classes = site.Get<Classrooms>();
        var (id, code, hoa) = await ClassAsync();
        var member = await site.MemberAsync(id);
        var lan = await site.LearnerAsync();

        await classes.SetJoiningAsync(hoa.Id, id, open: false, None);
        Assert.IsType<JoinResult.Closed>(await joining.JoinAsync(lan.Id, code, None));
        // Someone already in the class is still in it: nothing to refuse.
        Assert.True(Assert.IsType<JoinResult.Joined>(await joining.JoinAsync(member.Id, code, None)).AlreadyMember);
        await classes.SetJoiningAsync(hoa.Id, id, open: true, None);
        await classes.SetArchivedAsync(hoa.Id, id, true, None);
        Assert.IsType<JoinResult.Closed>(await joining.JoinAsync(lan.Id, code, None));

        Assert.IsType<JoinResult.Unknown>(await joining.JoinAsync(lan.Id, "ZZZZZZ", None));
        Assert.IsType<JoinResult.Unknown>(await joining.JoinAsync(lan.Id, "' OR 1=1 --", None));
        Assert.IsType<JoinResult.Unknown>(await joining.JoinAsync(lan.Id, null, None));
        Assert.False(await site.WithDbAsync(db => db.Set<ClassMember>().AnyAsync(m => m.UserId == lan.Id)));
    }

    [Fact]
    public async Task Thirty_residents_joining_at_once_make_thirty_members_and_a_double_tap_counts_once()
    {
        var joining = site.Get<ClassJoining>();
        var (id, code, _) = await ClassAsync();
        var learners = new List<HoaHung.Learning.Accounts.AppUser>();
        for (var i = 0; i < 30; i++)
            learners.Add(await site.LearnerAsync($"Cư dân {i + 1}"));

        // Every resident taps twice: 60 requests at once.
        var results = await Task.WhenAll(learners.Concat(learners).Select(l => Task.Run(() => joining.JoinAsync(l.Id, code, None))));

        var joined = results.Select(r => Assert.IsType<JoinResult.Joined>(r)).ToList();
        Assert.Equal(30, joined.Count(j => !j.AlreadyMember));
        var members = await site.WithDbAsync(db => db.Set<ClassMember>().Where(m => m.ClassId == id).Select(m => m.UserId).ToListAsync());
        Assert.Equal(learners.Select(l => l.Id).Order(), members.Order());
    }
}

public sealed class JoiningTestsOnSqlite(ClassesSqliteSite site) : JoiningTests<ClassesSqliteSite>(site);

public sealed class JoiningTestsOnPostgres(ClassesPostgresSite site) : JoiningTests<ClassesPostgresSite>(site);
