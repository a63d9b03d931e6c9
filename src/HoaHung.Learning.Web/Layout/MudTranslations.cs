using MudBlazor;
using Microsoft.Extensions.Localization;

namespace HoaHung.Learning.Web.Layout;

/// <summary>
/// MudBlazor's own words (a number box's "Increment"/"Decrement", the tab bar's "Scroll tabs left", a picker's
/// "Open", a pager's "Next page"…) in the reader's language, from <c>SharedResource</c> under "Mud.{MudBlazor's key}".
/// A key we have not translated falls back to MudBlazor's English, which the staff pages' English-words test catches.
/// </summary>
public sealed class MudTranslations(IStringLocalizer<SharedResource> strings) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var found = strings["Mud." + key];
            return new LocalizedString(key, found.Value, found.ResourceNotFound);
        }
    }

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var found = strings["Mud." + key, arguments];
            return new LocalizedString(key, found.Value, found.ResourceNotFound);
        }
    }
}
