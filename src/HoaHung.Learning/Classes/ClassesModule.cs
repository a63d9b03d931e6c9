using HoaHung.Learning.Changes;
using HoaHung.Learning.Progress;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaHung.Learning.Classes;

public static class ClassesModule
{
    /// <summary>
    /// The classes feature. Its services are singletons that open a context per operation, so Interactive Server
    /// pages can hold them for the life of a circuit.
    /// </summary>
    public static IServiceCollection AddClasses(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddChangeFeed();
        services.TryAddSingleton<ClassChanges>();
        services.TryAddSingleton<ClassActivity>();
        services.TryAddSingleton<Classrooms>();
        services.TryAddSingleton<ClassSchedule>();
        services.TryAddSingleton<ClassAssignments>();
        services.TryAddSingleton<ClassJoining>();
        services.TryAddSingleton<ClassAttendance>();
        services.TryAddSingleton<ClassAccounts>();
        services.TryAddSingleton<ClassGrid>();
        services.TryAddSingleton<QuizStatistics>();
        services.TryAddSingleton<ClassReports>();
        services.TryAddSingleton<MyClasses>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPersonalDataOwner, ClassesPersonalData>());
        return services;
    }
}
