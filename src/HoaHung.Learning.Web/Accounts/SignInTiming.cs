using HoaHung.Learning.Accounts;
using Microsoft.AspNetCore.Identity;

namespace HoaHung.Learning.Web.Accounts;

/// <summary>Makes a sign-in for an unknown name cost what a real password check costs, so timing tells nothing.</summary>
public static class SignInTiming
{
    private static readonly AppUser Nobody = new() { UserName = "nobody" };
    private static string? nobodyHash;

    /// <summary>Verifies a password against a throwaway hash.</summary>
    public static void SpendPasswordCheck(IPasswordHasher<AppUser> hasher, string? password)
    {
        nobodyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, nobodyHash, password ?? "");
    }
}
