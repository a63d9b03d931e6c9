using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HoaHung.Learning.WardStats;

/// <summary>
/// One figure of one ward day (docs/architecture.md §9): how many times <see cref="Measure"/> happened in one khu phố
/// (<see cref="Neighbourhood"/>, "" when unknown), for one topic (a topic slug, "" for figures without a topic).
/// Maintained as events are saved (<see cref="WardStatsInterceptor"/>) and rebuilt by <c>rebuild-stats</c>; never
/// anything about a person. A later figure (entry-test gains, issue 22 item 3) is a new measure or a table beside it.
/// </summary>
public sealed class WardDailyCount
{
    public const int MaxNeighbourhood = 100;
    public const int MaxTopic = 100;
    public const int MaxMeasure = 32;

    public DateOnly Day { get; set; }
    public string Neighbourhood { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Measure { get; set; } = "";
    public int Count { get; set; }
}

/// <summary>
/// One figure of one ward month (docs/architecture.md §9): the month's <see cref="WardDailyCount"/> rows added up,
/// kept beside them by the same upsert step so the month × khu phố tables, the 12-month trend and the open data read
/// one row per month instead of a month of days. Every measure has an all-topics row (<see cref="Topic"/> ""):
/// for <c>lessons</c>/<c>quizzes</c> it is the sum of the topic rows, for <c>active</c> the distinct count (never the
/// sum of the topics). Holds no one; rebuilt with the daily table by <c>rebuild-stats</c>.
/// </summary>
public sealed class WardMonthCount
{
    /// <summary>The first day of the ward month.</summary>
    public DateOnly Month { get; set; }
    public string Neighbourhood { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Measure { get; set; } = "";
    public int Count { get; set; }
}

/// <summary>
/// Who or what counted in a month for a figure that is a number of distinct things (active learners, classes
/// held): one row per month, kind, thing and topic, with the number of events behind it. The month's figure
/// moves when <see cref="Events"/> leaves or reaches zero. Internal bookkeeping: never shown, and removed with
/// the account (the cascade) while the published figure stays.
/// </summary>
public sealed class WardMonthMember
{
    public const int MaxKey = 64;

    /// <summary>The first day of the ward month.</summary>
    public DateOnly Month { get; set; }
    public string Kind { get; set; } = "";
    public string Key { get; set; } = "";
    public string Topic { get; set; } = "";
    public string Neighbourhood { get; set; } = "";
    public int Events { get; set; }
}

/// <summary>A search that found nothing (the search page or API, no filter): its folded text and how often, per ward day. Nothing else.</summary>
public sealed class SearchMiss
{
    public const int MaxQuery = 100;

    public DateOnly Day { get; set; }
    public string Query { get; set; } = "";
    public int Count { get; set; }
}

internal sealed class WardDailyCountConfiguration : IEntityTypeConfiguration<WardDailyCount>
{
    public void Configure(EntityTypeBuilder<WardDailyCount> b)
    {
        b.ToTable("WardDailyCounts");
        b.HasKey(c => new { c.Day, c.Neighbourhood, c.Topic, c.Measure });
        b.Property(c => c.Neighbourhood).HasMaxLength(WardDailyCount.MaxNeighbourhood);
        b.Property(c => c.Topic).HasMaxLength(WardDailyCount.MaxTopic);
        b.Property(c => c.Measure).HasMaxLength(WardDailyCount.MaxMeasure);
        b.HasIndex(c => new { c.Measure, c.Day });
    }
}

internal sealed class WardMonthCountConfiguration : IEntityTypeConfiguration<WardMonthCount>
{
    public void Configure(EntityTypeBuilder<WardMonthCount> b)
    {
        b.ToTable("WardMonthCounts");
        b.HasKey(c => new { c.Month, c.Neighbourhood, c.Topic, c.Measure });
        b.Property(c => c.Neighbourhood).HasMaxLength(WardDailyCount.MaxNeighbourhood);
        b.Property(c => c.Topic).HasMaxLength(WardDailyCount.MaxTopic);
        b.Property(c => c.Measure).HasMaxLength(WardDailyCount.MaxMeasure);
        b.HasIndex(c => new { c.Measure, c.Month });
    }
}

internal sealed class WardMonthMemberConfiguration : IEntityTypeConfiguration<WardMonthMember>
{
    public void Configure(EntityTypeBuilder<WardMonthMember> b)
    {
        b.ToTable("WardMonthMembers");
        b.HasKey(m => new { m.Month, m.Kind, m.Key, m.Topic });
        b.Property(m => m.Kind).HasMaxLength(16);
        b.Property(m => m.Key).HasMaxLength(WardMonthMember.MaxKey);
        b.Property(m => m.Topic).HasMaxLength(WardDailyCount.MaxTopic);
        b.Property(m => m.Neighbourhood).HasMaxLength(WardDailyCount.MaxNeighbourhood);
    }
}

internal sealed class SearchMissConfiguration : IEntityTypeConfiguration<SearchMiss>
{
    public void Configure(EntityTypeBuilder<SearchMiss> b)
    {
        b.ToTable("SearchMisses");
        b.HasKey(m => new { m.Day, m.Query });
        b.Property(m => m.Query).HasMaxLength(SearchMiss.MaxQuery);
    }
}
