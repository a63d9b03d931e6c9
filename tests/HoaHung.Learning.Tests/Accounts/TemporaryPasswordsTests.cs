using HoaHung.Learning.Accounts;

namespace HoaHung.Learning.Tests.Accounts;

public sealed class TemporaryPasswordsTests
{
    [Fact]
    public void Temporary_passwords_are_readable_pass_the_rules_and_differ()
    {
        var passwords = Enumerable.Range(0, 500).Select(_ => TemporaryPasswords.Generate("bato", "Bà Tư")).ToList();

        Assert.All(passwords, p =>
        {
            Assert.Matches("^[a-z2-9]{5}-[a-z2-9]{5}$", p);
            Assert.DoesNotMatch("[01ilo]", p);
            Assert.Null(PasswordRules.Check(p, "bato", "Bà Tư"));
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }
}
