using HoaHung.Learning.Accounts;

namespace HoaHung.Learning.Tests.Accounts;

public sealed class SignInNamesTests
{
    [Theory]
    [InlineData("0912345678")]
    [InlineData("0912 345 678")]
    [InlineData("0912.345.678")]
    [InlineData("0912-345-678")]
    [InlineData("+84912345678")]
    [InlineData("+84 912 345 678")]
    [InlineData("+84 0912 345 678")]
    [InlineData("84912345678")]
    [InlineData("0084912345678")]
    [InlineData(" (0912) 345678 ")]
    public void Every_common_way_of_writing_a_mobile_number_is_one_account(string input)
    {
        var (name, isPhone, error) = SignInNames.Normalize(input);
        Assert.Null(error);
        Assert.True(isPhone);
        Assert.Equal("0912345678", name);
    }

    [Theory]
    [InlineData("012345678")]      // 9 digits
    [InlineData("0212345678")]     // a landline prefix, not a mobile
    [InlineData("+1 555 123 4567")]
    [InlineData("091234567890")]
    public void Numbers_that_are_not_Vietnamese_mobiles_are_refused(string input) =>
        Assert.Equal("Account.PhoneInvalid", SignInNames.Normalize(input).ErrorKey);

    [Theory]
    [InlineData("Lan.Nguyen", "lan.nguyen")]
    [InlineData("  to_cns_kp7 ", "to_cns_kp7")]
    public void Usernames_are_lower_case(string input, string expected) => Assert.Equal(expected, SignInNames.Normalize(input).Name);

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("lan nguyen")]
    [InlineData("nguyễn")]
    [InlineData("lan@example.com")]
    public void Other_names_are_refused(string input) => Assert.NotNull(SignInNames.Normalize(input).ErrorKey);
}

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("12345678")]
    [InlineData("matkhau123")]
    [InlineData("MatKhau123")]
    [InlineData("Mật khẩu 123")]   // folded: matkhau123
    [InlineData("anhyeuem")]
    [InlineData("password")]
    [InlineData("aaaaaaaaaa")]
    [InlineData("23456789")]        // a run
    [InlineData("98765432")]
    [InlineData("abababab")]
    public void Common_and_patterned_passwords_are_refused(string password) =>
        Assert.Equal("Password.TooCommon", PasswordRules.Check(password, "lan.nguyen", "Nguyễn Thị Lan"));

    [Fact]
    public void Length_is_the_only_composition_rule()
    {
        Assert.Equal("Password.TooShort", PasswordRules.Check("Ab1!xyz", null, null));
        Assert.Null(PasswordRules.Check("hoa mai nở sáng nay", null, null));   // no digit, no capital: fine
        Assert.Null(PasswordRules.Check("con mèo nhà bà tư", null, null));
        Assert.Equal("Password.TooLong", PasswordRules.Check(new string('x', 129) + "yz", null, null));
    }

    [Fact]
    public void The_account_name_or_number_is_not_a_password()
    {
        Assert.Equal("Password.ContainsName", PasswordRules.Check("0912345678a", "0912345678", "Lan"));
        Assert.Equal("Password.ContainsName", PasswordRules.Check("Nguyễn Thị Lan", "lan.nguyen", "Nguyễn Thị Lan"));
    }
}

public sealed class RolesTests
{
    [Fact]
    public void Role_names_are_read_in_any_case() => Assert.Equal(Roles.Admin, Roles.Parse(" admin "));

    [Fact]
    public void Unknown_roles_are_null() => Assert.Null(Roles.Parse("SuperUser"));
}
