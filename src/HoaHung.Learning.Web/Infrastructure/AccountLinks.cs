using HoaHung.Learning.Accounts;
using Microsoft.AspNetCore.Identity;

namespace HoaHung.Learning.Web.Infrastructure;

/// <summary>The account pages' URLs, with a return address that is only ever a local path (no open redirect).</summary>
public static class AccountLinks
{
    public const string SignInPath = "/tai-khoan/dang-nhap";
    public const string SignUpPath = "/tai-khoan/dang-ky";
    public const string SignOutPath = "/tai-khoan/dang-xuat";
    public const string ChangePasswordPath = "/tai-khoan/doi-mat-khau";
    public const string AccessDeniedPath = "/tai-khoan/khong-co-quyen";

    private static readonly AppUser Nobody = new() { UserName = "nobody" };
    private static string? nobodyHash;

    public static string Local(string? returnUrl, string fallback) =>
        PreferenceEndpoints.IsLocal(returnUrl) && !returnUrl!.StartsWith("/tai-khoan/", StringComparison.Ordinal) ? returnUrl : fallback;

    public static string SignIn(string? returnUrl) => WithReturn(SignInPath, returnUrl);
    public static string SignUp(string? returnUrl) => WithReturn(SignUpPath, returnUrl);
    public static string ChangePassword(string? returnUrl) => WithReturn(ChangePasswordPath, returnUrl);

    private static string WithReturn(string path, string? returnUrl) =>
        PreferenceEndpoints.IsLocal(returnUrl) ? $"{path}?ReturnUrl={Uri.EscapeDataString(returnUrl!)}" : path;

    /// <summary>Verifies a password against a throwaway hash, so a sign-in for an unknown name costs the same time.</summary>
    public static void SpendPasswordCheck(IPasswordHasher<AppUser> hasher, string? password)
    {
        nobodyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, nobodyHash, password ?? "");
    }
}
