using System.Security.Claims;
using HoaHung.Learning.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace HoaHung.Learning.Web.Admin;

/// <summary>
/// /quan-tri/nguoi-dung: the ward admin finds a resident and changes her roles, locks or unlocks her account,
/// or gives her a temporary password. Every action goes to <see cref="UserAdministration"/>, which checks again
/// on the server that the admin is still an active admin.
/// </summary>
public sealed partial class Users
{
    [Inject] private UserAdministration Administration { get; set; } = default!;
    [Inject] private IOptions<AccountsOptions> AccountsOptions { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private MudTable<UserRow>? table;
    private string? search;
    private string? role;
    private string? neighbourhood;
    private string actorId = "";

    private IReadOnlyList<string> Neighbourhoods => AccountsOptions.Value.Neighbourhoods;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        actorId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    }

    private async Task<TableData<UserRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await Administration.ListAsync(new UserQuery(search, role, neighbourhood, state.Page, state.PageSize), ct);
        return new TableData<UserRow> { Items = page.Users, TotalItems = page.Total };
    }

    private Task SearchChangedAsync(string? value)
    {
        search = value;
        return ReloadAsync();
    }

    private Task RoleChangedAsync(string? value)
    {
        role = value;
        return ReloadAsync();
    }

    private Task NeighbourhoodChangedAsync(string? value)
    {
        neighbourhood = value;
        return ReloadAsync();
    }

    private Task ReloadAsync() => table?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>Teams are for staff: authors write for their khu phố team, reviewers and admins may belong to one.</summary>
    private static bool IsStaff(UserRow user) => Policies.Allows(Policies.CanAuthor, user.Roles) || Policies.Allows(Policies.CanTeach, user.Roles);

    private async Task SetTeamAsync(UserRow user, string? team)
    {
        var result = await Administration.SetTeamAsync(actorId, user.Id, string.IsNullOrEmpty(team) ? null : team, CancellationToken.None);
        if (result is AdminResult.Refused refused)
            Snackbar.Add(S[refused.ReasonKey] is { ResourceNotFound: false } own ? own : L[refused.ReasonKey], Severity.Warning);
        else
            Snackbar.Add(S["Team.Done", user.DisplayName], Severity.Success);
        await ReloadAsync();
    }

    private static string SignInName(UserRow user) => user.IsPhone ? SignInNames.FormatPhone(user.UserName) : user.UserName;

    private async Task EditRolesAsync(UserRow user)
    {
        var parameters = new DialogParameters<RolesDialog> { { d => d.User, user } };
        var dialog = await Dialogs.ShowAsync<RolesDialog>(L["Admin.RolesDialog.Title", user.DisplayName], parameters);
        if (await dialog.Result is not { Canceled: false, Data: IReadOnlyCollection<string> roles })
            return;
        await ReportAsync(await Administration.SetRolesAsync(actorId, user.Id, roles, CancellationToken.None), "Admin.Done.Roles", user);
    }

    private async Task LockAsync(UserRow user)
    {
        if (await ConfirmAsync("Admin.Confirm.LockTitle", "Admin.Confirm.LockText", "Admin.Users.Lock", user))
            await ReportAsync(await Administration.LockAsync(actorId, user.Id, CancellationToken.None), "Admin.Done.Locked", user);
    }

    private async Task UnlockAsync(UserRow user)
    {
        if (await ConfirmAsync("Admin.Confirm.UnlockTitle", "Admin.Confirm.UnlockText", "Admin.Users.Unlock", user))
            await ReportAsync(await Administration.UnlockAsync(actorId, user.Id, CancellationToken.None), "Admin.Done.Unlocked", user);
    }

    private async Task TemporaryPasswordAsync(UserRow user)
    {
        if (!await ConfirmAsync("Admin.Confirm.PasswordTitle", "Admin.Confirm.PasswordText", "Admin.Users.TemporaryPassword", user))
            return;
        var result = await Administration.SetTemporaryPasswordAsync(actorId, user.Id, CancellationToken.None);
        await ReportAsync(result, "Admin.Done.Password", user);
        if (result is AdminResult.PasswordSet set)
        {
            // Shown once: the password lives only in this dialog's parameters, never in the page's state.
            var parameters = new DialogParameters<TemporaryPasswordDialog>
            {
                { d => d.User, user },
                { d => d.Password, set.TemporaryPassword },
            };
            var options = new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false, MaxWidth = MaxWidth.Small, FullWidth = true };
            await (await Dialogs.ShowAsync<TemporaryPasswordDialog>(L["Admin.PasswordDialog.Title"], parameters, options)).Result;
        }
    }

    private async Task<bool> ConfirmAsync(string titleKey, string textKey, string yesKey, UserRow user) =>
        await Dialogs.ShowMessageBoxAsync(L[titleKey], L[textKey, user.DisplayName, SignInName(user)], L[yesKey], cancelText: L["Admin.Cancel"]) == true;

    private async Task ReportAsync(AdminResult result, string doneKey, UserRow user)
    {
        if (result is AdminResult.Refused refused)
            Snackbar.Add(L[refused.ReasonKey], Severity.Warning);
        else
            Snackbar.Add(L[doneKey, user.DisplayName], Severity.Success);
        await ReloadAsync();
    }
}
