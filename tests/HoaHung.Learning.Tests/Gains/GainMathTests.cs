using HoaHung.Learning.Gains;

namespace HoaHung.Learning.Tests.Gains;

public sealed class GainMathTests
{
    [Fact]
    public void Medians_are_the_middle_value_or_the_mean_of_the_two_middle_ones_and_the_gain_is_the_median_of_each_persons_gain()
    {
        Assert.Null(GainMath.Median([]));
        Assert.Equal(50, GainMath.Median([100, 0, 50]));
        Assert.Equal(37.5, GainMath.Median([75, 0, 25, 50, 25, 50]));
        var figure = GainMath.Figure("p", "P", [(0, 100), (10, 20), (20, 30), (30, 40), (40, 50)]);
        Assert.Equal("5", figure.People.Text);
        Assert.Equal(20, figure.MedianBefore);
        Assert.Equal(40, figure.MedianAfter);
        Assert.Equal(10, figure.MedianGain); // not 40 − 20
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    public void Fewer_than_five_people_show_no_medians(int people, string shown)
    {
        var figure = GainMath.Figure("p", "P", Enumerable.Range(0, people).Select(i => (i * 10, 100)).ToList());
        Assert.Equal(shown, figure.People.Text);
        Assert.False(figure.ShowsMedians);
        Assert.Null(figure.MedianGain);
    }
}
