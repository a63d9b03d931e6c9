using HoaHung.Learning.Accounts;
using HoaHung.Learning.Classes;

namespace HoaHung.Learning.Tests.Classes;

public sealed class LearnerListTests
{
    [Fact]
    public void Names_one_per_line_with_an_optional_phone_after_a_comma_semicolon_or_tab()
    {
        var (learners, problems) = LearnerList.Parse("Nguyễn Văn Tư\r\n\n  Trần Thị Lan , 0912 345 678\nLê Bảy;+84 988 111 222\nBác Năm\t0903.000.111\n");
        Assert.Empty(problems);
        Assert.Equal([("Nguyễn Văn Tư", null), ("Trần Thị Lan", "0912345678"), ("Lê Bảy", "0988111222"), ("Bác Năm", "0903000111")],
            learners.Select(l => (l.DisplayName, l.Phone)));
        Assert.Equal([1, 3, 4, 5], learners.Select(l => l.Line));
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_line_number()
    {
        var (_, problems) = LearnerList.Parse("Bà Tư\n12345\nÔng Sáu, 12\n\u200b\u200c\n");
        Assert.Equal([(2, LearnerList.NameInvalid), (3, LearnerList.PhoneInvalid), (4, LearnerList.NameInvalid)],
            problems.Select(p => (p.Line, p.ReasonKey)));
        Assert.Equal(LearnerList.Empty, Assert.Single(LearnerList.Parse(" \n\n").Problems).ReasonKey);
        var many = LearnerList.Parse(string.Join('\n', Enumerable.Range(1, 61).Select(i => $"Cư dân {i}")));
        Assert.Equal((61, LearnerList.TooMany), (many.Problems.Single().Line, many.Problems.Single().ReasonKey));
    }

    [Fact]
    public void Names_are_cleaned_of_invisible_and_direction_characters()
    {
        var (learners, _) = LearnerList.Parse("Bà\u200b Tư\u202e\n");
        Assert.Equal("Bà Tư", Assert.Single(learners).DisplayName);
    }

    [Theory]
    [InlineData("Nguyễn Văn Tư", "tunv")]
    [InlineData("Đặng Thị Ánh Đào", "daodta")]
    [InlineData("Tư", "tuhv")]
    [InlineData("Bác 7", "bac")]
    [InlineData("7 8", "hocvien")]
    public void Usernames_are_her_given_name_and_initials_in_ascii(string name, string expected)
    {
        var userName = LearnerList.BaseUserName(name);
        Assert.Equal(expected, userName);
        Assert.Equal((userName, false, null), SignInNames.Normalize(userName));
    }

    [Fact]
    public void Taken_usernames_get_the_next_number() =>
        Assert.Equal("tunv3", LearnerList.FreeUserName("tunv", new HashSet<string> { "tunv", "tunv2", "tunv4" }));
}
