using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;

namespace HoaHung.Learning.Tests;

/// <summary>
/// A click on a live staff page in bUnit. The page re-renders on its own (presence, the change feed, a save's
/// answer), and a render between finding a button and clicking it retires the button's handler id. A person's tap
/// always lands on the button as it is now, so a tap finds it afresh and tries again when that happened.
/// </summary>
public static class Taps
{
    public static void Tap(Func<IElement?> find)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                (find() ?? throw new InvalidOperationException("Nothing to tap.")).Click();
                return;
            }
            catch (UnknownEventHandlerIdException) when (attempt < 20)
            {
                Thread.Sleep(25);
            }
        }
    }
}
