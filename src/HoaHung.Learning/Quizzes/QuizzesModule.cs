using HoaHung.Learning.Progress;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Quizzes;

public static class QuizzesModule
{
    public static IServiceCollection AddQuizzes(this IServiceCollection services) =>
        services.AddScoped<QuizAttempts>()
            .AddScoped<QuizResults>()
            .AddScoped<IAnonymousWorkMerger, QuizAnonymousWork>()
            .AddScoped<IPersonalDataOwner, QuizPersonalData>();
}
