using System.Globalization;
using Bunit;
using HoaHung.Learning.Quizzes;
using HoaHung.Learning.Studio;
using HoaHung.Learning.Text;
using HoaHung.Learning.Web.Content;
using HoaHung.Learning.Web.Studio;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HoaHung.Learning.Tests.Studio;

/// <summary>The checks panel words a quiz problem's reason (nested ones too) beside the question it names.</summary>
public sealed class ChecksPanelTests
{
    [Fact]
    public void A_quiz_problem_is_worded_beside_its_question()
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi");
        try
        {
            Render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private static void Render()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        ctx.Services.AddSingleton<ContentWords>();
        var issue = new LessonIssue(IssueKeys.QuizProblem, Blocks: true, Field: IssueFields.Quiz, Args: [2],
            Why: new Reason(QuizReasons.OptionPicture, 1, new Reason(QuizReasons.PictureNotInLibrary, "hinh-a.png")));

        var cut = ctx.Render<ChecksPanel>(p => p.Add(c => c.Issues, [issue]).Add(c => c.TextOf, _ => "Bài kiểm tra, câu 2:"));

        Assert.Equal("lựa chọn 1: không có hình 'hinh-a.png' trong thư viện ảnh của bài", cut.Find(".studio-check__detail").TextContent);
    }
}
