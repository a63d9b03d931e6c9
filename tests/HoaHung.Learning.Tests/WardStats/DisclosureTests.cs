using HoaHung.Learning.WardStats;

namespace HoaHung.Learning.Tests.WardStats;

public sealed class DisclosureTests
{
    private static string[] Texts(params int[] cells)
    {
        var (shown, total) = Disclosure.Column(cells);
        return [.. shown.Select(s => s.Text), total.Text];
    }

    [Fact]
    public void Counts_from_1_to_4_are_written_under_5_and_0_and_5_are_written_as_they_are() =>
        Assert.Equal(["0", "<5", "<5", "5", "12", "22"], Texts(0, 1, 4, 5, 12));

    [Fact]
    public void A_total_that_would_give_back_one_hidden_count_is_withheld_and_one_that_cannot_is_shown()
    {
        Assert.Equal(["7", "<5", "x"], Texts(7, 2));          // 9 − 7 = 2
        Assert.Equal(["7", "<5", "<5", "12"], Texts(7, 2, 3)); // 5 shared by two hidden cells: 1+4, 2+3…
        Assert.Equal(["7", "<5", "<5", "x"], Texts(7, 1, 1)); // 2 over two hidden cells: both must be 1
        Assert.Equal(["7", "<5", "<5", "x"], Texts(7, 4, 4)); // 8 over two hidden cells: both must be 4
        Assert.Equal(["7", "9", "16"], Texts(7, 9));
        Assert.Equal(["0", "0", "0"], Texts(0, 0));
        Assert.Equal(["<5", "0", "<5"], Texts(3, 0));         // the total is itself under 5
    }

    [Fact]
    public void The_hidden_value_never_appears_in_text_or_json()
    {
        var (cells, total) = Disclosure.Column([9, 3]);
        Assert.Equal("<5", cells[1].Json);
        Assert.Equal("x", total.Json);
        Assert.Equal(9, cells[0].Json);
    }

    [Fact]
    public void A_total_from_its_hidden_cells_count_and_sum_is_the_columns_total()
    {
        // The trend adds its totals up in SQL: Disclosure.Total must protect them as Column does, cell by cell.
        var random = new Random(22);
        var withheld = 0;
        for (var i = 0; i < 2000; i++)
        {
            var cells = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(6) == 0 ? random.Next(0, 30) : random.Next(0, 6)).ToArray();
            var small = cells.Where(Disclosure.IsSmall).ToList();
            var total = Disclosure.Total(cells.Sum(), small.Count, small.Sum());
            Assert.Equal(Disclosure.Column(cells).Total, total);
            withheld += total.Hidden && !Disclosure.IsSmall(total.Value) ? 1 : 0;
        }
        Assert.True(withheld > 0);
    }

    [Theory]
    [InlineData("2026-12", 2026, 12)]
    [InlineData("2000-01", 2000, 1)]
    public void Months_are_read_as_yyyy_MM(string text, int year, int month) =>
        Assert.Equal(new DateOnly(year, month, 1), WardCalendar.Parse(text));

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("26-12-01")]
    [InlineData("+026-12")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_month(string? text) => Assert.Null(WardCalendar.Parse(text));

    [Fact]
    public void A_ward_day_begins_at_midnight_in_Vietnam() =>
        Assert.Equal(new DateOnly(2026, 12, 1), WardCalendar.Day(new DateTime(2026, 11, 30, 17, 0, 0, DateTimeKind.Utc)));
}
