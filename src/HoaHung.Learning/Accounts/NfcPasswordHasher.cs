using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Accounts;

/// <summary>
/// Identity's password hasher over NFC text (NIST SP 800-63B §5.1.1.2): "mật khẩu" typed as composed letters (NFC)
/// or as letters plus combining marks (NFD, as some keyboards send) is the same password. Hashes made before
/// normalisation keep working: a password stored as typed in NFD is also tried in NFD, and when only that form
/// matches the hash is renewed in NFC (<see cref="PasswordVerificationResult.SuccessRehashNeeded"/>). A wrong
/// password costs the same whoever's account it is: the number of forms tried depends only on the typed text.
/// </summary>
public sealed class NfcPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> inner = new(options);

    public string HashPassword(AppUser user, string password) => inner.HashPassword(user, Nfc(password));

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        var nfc = Nfc(providedPassword);
        var result = inner.VerifyHashedPassword(user, hashedPassword, nfc);
        if (result != PasswordVerificationResult.Failed)
            return result;
        foreach (var legacy in LegacyForms(providedPassword, nfc))
            if (inner.VerifyHashedPassword(user, hashedPassword, legacy) != PasswordVerificationResult.Failed)
                return PasswordVerificationResult.SuccessRehashNeeded;
        return PasswordVerificationResult.Failed;
    }

    /// <summary>The other forms an old hash may have been made from: NFD, and the text as typed when it is neither.</summary>
    private static IEnumerable<string> LegacyForms(string typed, string nfc)
    {
        var nfd = Normalize(typed, NormalizationForm.FormD);
        if (nfd != nfc)
            yield return nfd;
        if (typed != nfc && typed != nfd)
            yield return typed;
    }

    public static string Nfc(string password) => Normalize(password, NormalizationForm.FormC);

    private static string Normalize(string text, NormalizationForm form)
    {
        try
        {
            return text.IsNormalized(form) ? text : text.Normalize(form);
        }
        catch (ArgumentException)
        {
            return text; // a lone surrogate cannot be normalised; such a password is compared as typed
        }
    }
}
