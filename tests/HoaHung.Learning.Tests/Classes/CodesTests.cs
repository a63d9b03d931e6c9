using HoaHung.Learning.Classes;

namespace HoaHung.Learning.Tests.Classes;

public sealed class CodesTests
{
    private static readonly byte[] Secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly DateTimeOffset Noon = new(2026, 12, 5, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Join_codes_have_no_look_alikes_and_are_six_characters_of_the_alphabet()
    {
        foreach (var c in "0O1IL")
            Assert.DoesNotContain(c, JoinCodes.Alphabet);
        var codes = Enumerable.Range(0, 2000).Select(_ => JoinCodes.Generate()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJKMNP-Z2-9]{6}$", c));
        Assert.True(codes.Distinct().Count() > 1990, "codes repeat far more than chance allows");
    }

    [Theory]
    [InlineData("abc234", "ABC234")]
    [InlineData(" ABC 234 ", "ABC234")]
    [InlineData("abc-234", "ABC234")]
    [InlineData("ABC23", null)]
    [InlineData("ABC2345", null)]
    [InlineData("ABC0O1", null)]
    [InlineData("ILLILL", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("ÁBC234", null)]
    public void Typed_codes_are_forgiving_about_case_spaces_and_dashes_only(string? typed, string? expected) =>
        Assert.Equal(expected, JoinCodes.Normalize(typed));

    [Fact]
    public void Join_codes_display_in_two_groups() => Assert.Equal("ABC 234", JoinCodes.Format("ABC234"));

    [Fact]
    public void Attendance_code_is_the_same_within_a_window_and_changes_with_the_next()
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(AttendanceCodes.Window(Noon) * AttendanceCodes.WindowSeconds);
        var code = AttendanceCodes.Current(Secret, 7, start);
        Assert.Matches("^[A-HJKMNP-Z2-9]{8}$", code);
        Assert.Equal(code, AttendanceCodes.Current(Secret, 7, start.AddSeconds(29)));
        Assert.NotEqual(code, AttendanceCodes.Current(Secret, 7, start.AddSeconds(30)));
        Assert.Equal(start.AddSeconds(30), AttendanceCodes.NextChange(start.AddSeconds(12)));
    }

    [Fact]
    public void Attendance_code_is_accepted_in_its_window_and_the_next_only()
    {
        var code = AttendanceCodes.Current(Secret, 7, Noon);
        Assert.True(AttendanceCodes.IsValid(Secret, 7, code, Noon));
        Assert.True(AttendanceCodes.IsValid(Secret, 7, code.ToLowerInvariant(), Noon));
        Assert.True(AttendanceCodes.IsValid(Secret, 7, code, Noon.AddSeconds(AttendanceCodes.WindowSeconds)));
        Assert.False(AttendanceCodes.IsValid(Secret, 7, code, Noon.AddSeconds(2 * AttendanceCodes.WindowSeconds)));
        Assert.False(AttendanceCodes.IsValid(Secret, 7, code, Noon.AddMinutes(-1)));
    }

    [Fact]
    public void Attendance_code_belongs_to_its_session_and_class_secret()
    {
        var code = AttendanceCodes.Current(Secret, 7, Noon);
        Assert.False(AttendanceCodes.IsValid(Secret, 8, code, Noon));
        var other = (byte[])Secret.Clone();
        other[0] ^= 1;
        Assert.False(AttendanceCodes.IsValid(other, 7, code, Noon));
        Assert.False(AttendanceCodes.IsValid(Secret, 7, null, Noon));
        Assert.False(AttendanceCodes.IsValid(Secret, 7, code[..7], Noon));
    }
}
