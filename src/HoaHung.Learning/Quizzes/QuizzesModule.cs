using HoaHung.Learning.Progress;
using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Quizzes;

public static class QuizzesModule
{
    public static IServiceCollection AddQuizzes(this IServiceCollection services) =>
        services.AddScoped<QuizStore>()
            .AddScoped<QuizAttempts>()
            .AddScoped<QuizPlayer>()
            .AddScoped<QuizResults>()
            .AddSingleton<QuizSummaries>()
            .AddScoped<IAnonymousWorkMerger, QuizAnonymousWork>()
            .AddScoped<IQuizPasses, QuizPasses>()
            .AddScoped<IPersonalDataOwner, QuizPersonalData>();
}
