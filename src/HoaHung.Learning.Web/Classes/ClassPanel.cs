using HoaHung.Learning.Classes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HoaHung.Learning.Web.Classes;

/// <summary>A part of the class page: the class, the acting user, and one way to report what a change did.</summary>
public abstract class ClassPanel : ComponentBase
{
    [Parameter, EditorRequired] public ClassPage Page { get; set; } = default!;
    [Parameter, EditorRequired] public string ActorId { get; set; } = "";
    [Parameter] public EventCallback OnChanged { get; set; }
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected IStringLocalizer<ClassesResource> Words { get; set; } = default!;

    /// <summary>Says what happened (a refusal in Vietnamese), and reloads the class when something changed.</summary>
    protected async Task<bool> ReportAsync(ClassResult result, string doneKey)
    {
        if (result is ClassResult.Refused refused)
        {
            Snackbar.Add(Words[refused.ReasonKey], Severity.Warning);
            return false;
        }
        Snackbar.Add(Words[doneKey], Severity.Success);
        await OnChanged.InvokeAsync();
        return true;
    }
}
