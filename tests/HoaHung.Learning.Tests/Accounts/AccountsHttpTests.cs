using System.Net;
using HoaHung.Learning.Accounts;
using HoaHung.Learning.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HoaHung.Learning.Tests.Infrastructure.Visitor;

namespace HoaHung.Learning.Tests.Accounts;

/// <summary>Sign-up, sign-in, lockout and passwords through the real forms, on each database provider.</summary>
public abstract class AccountsHttpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private static int counter = 100_000;

    /// <summary>A fresh mobile number per test: the tests of a class share one database.</summary>
    private static string NewPhone() => $"0912{Interlocked.Increment(ref counter):D6}";

    private Task<AppUser?> FindAsync(string userName) => site.WithDbAsync(db => db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName));

    [Fact]
    public async Task Sign_up_by_phone_needs_no_email_and_stores_the_number_normalized()
    {
        var phone = NewPhone();
        var spaced = $"{phone[..4]} {phone[4..7]} {phone[7..]}";
        var visitor = new Visitor(site);

        var response = await visitor.SignUpAsync(spaced, "Trần Văn Bảy");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/cua-toi?chao=1", Location(response));
        var user = await FindAsync(phone);
        Assert.NotNull(user);
        Assert.Equal(phone, user.PhoneNumber);
        Assert.Null(user.Email);
        Assert.Equal("Trần Văn Bảy", user.DisplayName);
        var (_, my) = await visitor.GetAsync("/cua-toi");
        Assert.Contains("Trần Văn Bảy", my.Text("h1 + p"));
    }

    [Fact]
    public async Task The_same_phone_written_another_way_is_refused()
    {
        var phone = NewPhone();
        Assert.Equal(HttpStatusCode.Redirect, (await new Visitor(site).SignUpAsync(phone)).StatusCode);

        var (response, doc) = await new Visitor(site).SubmitAsync("/tai-khoan/dang-ky", "sign-up", Fields(
            ("Input.Name", "+84 " + phone[1..]), ("Input.DisplayName", "Người khác"), ("Input.Password", "một mật khẩu khác hẳn"),
            ("Input.Confirm", "một mật khẩu khác hẳn"), ("Input.Consent", "true")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Số điện thoại này đã có tài khoản", doc.Text("#name-error"));
        Assert.Equal(1, await site.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == phone)));
    }

    [Theory]
    [InlineData("12345678", "quá phổ biến")]
    [InlineData("matkhau123", "quá phổ biến")]
    [InlineData("ngắn", "ít nhất 8 ký tự")]
    public async Task Weak_passwords_are_refused_with_a_reason_in_Vietnamese(string password, string message)
    {
        var phone = NewPhone();
        var (response, doc) = await new Visitor(site).SubmitAsync("/tai-khoan/dang-ky", "sign-up", Fields(
            ("Input.Name", phone), ("Input.DisplayName", "Lê Thị Hoa"), ("Input.Password", password), ("Input.Confirm", password),
            ("Input.Consent", "true")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, doc.Text("#password-error"));
        Assert.Equal("true", doc.QuerySelector("#password")!.GetAttribute("aria-invalid"));
        Assert.Equal(phone, doc.QuerySelector("#name")!.GetAttribute("value")); // what she typed is kept
        Assert.Null(await FindAsync(phone));
    }

    [Fact]
    public async Task Sign_up_needs_consent_to_the_privacy_notice()
    {
        var phone = NewPhone();
        var (_, doc) = await new Visitor(site).SubmitAsync("/tai-khoan/dang-ky", "sign-up", Fields(
            ("Input.Name", phone), ("Input.DisplayName", "Lê Thị Hoa"), ("Input.Password", "hoa mai nở sáng nay"), ("Input.Confirm", "hoa mai nở sáng nay")));
        Assert.Contains("đồng ý", doc.Text("#consent-error"));
        Assert.Contains("Nghị định 13/2023", doc.Text(".privacy"));
        Assert.Null(await FindAsync(phone));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var phone = NewPhone();
        var (response, _) = await new Visitor(site).PostAsync("/tai-khoan/dang-ky", Fields(("_handler", "sign-up"),
            ("Input.Name", phone), ("Input.DisplayName", "Lê Thị Hoa"), ("Input.Password", "hoa mai nở sáng nay"),
            ("Input.Confirm", "hoa mai nở sáng nay"), ("Input.Consent", "true")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await FindAsync(phone));
    }

    [Fact]
    public async Task Sign_in_accepts_the_number_in_any_format()
    {
        var phone = NewPhone();
        await new Visitor(site).SignUpAsync(phone);
        var visitor = new Visitor(site);

        var (response, _) = await visitor.SignInAsync("84" + phone[1..]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(visitor.Cookie("hh.auth"));
        Assert.NotNull((await FindAsync(phone))!.LastSignInAt);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_account_get_the_same_answer()
    {
        var phone = NewPhone();
        await new Visitor(site).SignUpAsync(phone);

        var (wrong, wrongDoc) = await new Visitor(site).SignInAsync(phone, "không phải mật khẩu này");
        var (unknown, unknownDoc) = await new Visitor(site).SignInAsync(NewPhone(), "không phải mật khẩu này");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(wrongDoc.Text(".alert"), unknownDoc.Text(".alert"));
        Assert.DoesNotContain("hh.auth", string.Join(";", wrong.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
    }

    [Fact]
    public async Task A_temporary_password_from_staff_must_be_replaced_before_anything_else()
    {
        var phone = NewPhone();
        await new Visitor(site).SignUpAsync(phone);
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByNameAsync(phone))!;
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, "tam thoi 4821");
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
        }
        var visitor = new Visitor(site);
        var (signIn, _) = await visitor.SignInAsync(phone, "tam thoi 4821");
        Assert.StartsWith("/tai-khoan/doi-mat-khau", Location(signIn));

        var (elsewhere, _) = await visitor.GetAsync("/cua-toi");
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.StartsWith("/tai-khoan/doi-mat-khau", Location(elsewhere));

        var (changed, _) = await visitor.SubmitAsync("/tai-khoan/doi-mat-khau", "change-password",
            Fields(("Input.Password", "mật khẩu riêng của tôi"), ("Input.Confirm", "mật khẩu riêng của tôi")));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.False((await FindAsync(phone))!.MustChangePassword);
        var (my, _) = await visitor.GetAsync("/cua-toi");
        Assert.Equal(HttpStatusCode.OK, my.StatusCode);
        var (again, _) = await new Visitor(site).SignInAsync(phone, "mật khẩu riêng của tôi");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        var visitor = new Visitor(site);
        await visitor.SignUpAsync(NewPhone());
        var (response, _) = await visitor.SubmitAsync("/tai-khoan/dang-xuat", "sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(visitor.Cookie("hh.auth"));
    }

    [Fact]
    public async Task Return_address_is_followed_only_when_it_is_on_this_site()
    {
        var phone = NewPhone();
        await new Visitor(site).SignUpAsync(phone);
        var (local, _) = await new Visitor(site).SubmitAsync("/tai-khoan/dang-nhap?ReturnUrl=%2Fbai-hoc%2Fvneid-la-gi", "sign-in",
            Fields(("Input.Name", phone), ("Input.Password", "hoa mai nở sáng nay")));
        Assert.Equal("/bai-hoc/vneid-la-gi", Location(local));
        var (foreign, _) = await new Visitor(site).SubmitAsync("/tai-khoan/dang-nhap?ReturnUrl=https%3A%2F%2Fevil.example%2F", "sign-in",
            Fields(("Input.Name", phone), ("Input.Password", "hoa mai nở sáng nay")));
        Assert.Equal("/cua-toi", Location(foreign));
    }
}

public sealed class AccountsHttpTestsOnSqlite(SqliteSite site) : AccountsHttpTests<SqliteSite>(site);

public sealed class AccountsHttpTestsOnPostgres(PostgresSite site) : AccountsHttpTests<PostgresSite>(site);
