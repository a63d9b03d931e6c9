namespace HoaHung.Learning.Web.Classes;

/// <summary>Marker for the classes' UI strings: Resources/Classes/ClassesResource.resx (Vietnamese) and .en.resx (English).</summary>
public sealed class ClassesResource;
