namespace HoaHung.Learning.Web.WardView;

/// <summary>Marker for the ward view's UI strings: Resources/WardView/WardResource.resx (Vietnamese) and .en.resx (English).</summary>
public sealed class WardResource;
