using System.Text;
using HoaHung.Learning.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Tests.Accounts;

/// <summary>Passwords compared in NFC, names without invisible characters (issue 16 item 6).</summary>
public sealed class UnicodeAccountsTests
{
    private const string Nfc = "Mật khẩu của bà Tư";
    private static readonly string Nfd = Nfc.Normalize(NormalizationForm.FormD);
    private static readonly AppUser User = new() { UserName = "batu" };
    private static readonly IOptions<PasswordHasherOptions> Options = Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions());

    [Fact]
    public void The_two_forms_of_a_Vietnamese_password_differ_as_text()
    {
        Assert.NotEqual(Nfc, Nfd);
        Assert.True(Nfd.Length > Nfc.Length);
    }

    [Fact]
    public void A_password_set_in_one_form_is_accepted_in_the_other()
    {
        var hasher = new NfcPasswordHasher(Options);
        var fromNfd = hasher.HashPassword(User, Nfd);
        var fromNfc = hasher.HashPassword(User, Nfc);

        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(User, fromNfd, Nfc));
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(User, fromNfc, Nfd));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(User, fromNfc, "Mật khẩu của bà Tám"));
    }

    [Fact]
    public void A_hash_made_before_normalisation_keeps_working_and_is_renewed_when_it_was_NFD()
    {
        var before = new PasswordHasher<AppUser>(Options);
        var hasher = new NfcPasswordHasher(Options);
        var setInNfc = before.HashPassword(User, Nfc);
        var setInNfd = before.HashPassword(User, Nfd);

        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(User, setInNfc, Nfc));
        Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(User, setInNfc, Nfd));
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, hasher.VerifyHashedPassword(User, setInNfd, Nfd));
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, hasher.VerifyHashedPassword(User, setInNfd, Nfc));
        Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(User, setInNfd, "sai mật khẩu rồi"));
    }

    [Theory]
    [InlineData("Nguyễn\u200b Thị\u200d Lan\ufeff", "Nguyễn Thị Lan")]
    [InlineData("\u202eabc.exe\u202c", "abc.exe")]
    [InlineData("\u2066Trần\u2069 Văn\u00ad Bảy", "Trần Văn Bảy")]
    [InlineData("  Lê   Thị\tHoa  ", "Lê Thị Hoa")]
    public void Display_names_lose_invisible_and_direction_changing_characters(string typed, string stored) =>
        Assert.Equal((stored, null), DisplayNames.Normalize(typed));

    [Theory]
    [InlineData("\u200b\u200c\u200d\ufeff", "Account.DisplayNameInvalid")]
    [InlineData("\u202e\u202c", "Account.DisplayNameInvalid")]
    [InlineData("12345", "Account.DisplayNameNeedsLetters")]
    [InlineData("-- ..", "Account.DisplayNameNeedsLetters")]
    [InlineData("\u0301\u0301\u0301", "Account.DisplayNameNeedsLetters")]
    public void A_display_name_without_letters_is_refused(string typed, string reason) =>
        Assert.Equal(reason, DisplayNames.Normalize(typed).ErrorKey);

    [Fact]
    public void Nfd_is_stored_as_nfc() =>
        Assert.Equal("Nguyễn Thị Lan", DisplayNames.Normalize("Nguyễn Thị Lan".Normalize(NormalizationForm.FormD)).Name);
}
