using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Discord.Interactions;

/// <summary>Maps Discord's HTTP interactions endpoint (HTTP mode).</summary>
public static class DiscordEndpointRouteBuilderExtensions
{
    /// <summary>
    /// <c>POST {pattern}</c>, answered by <see cref="HttpInteractionProcessor"/> (registered by <c>AddDiscordTransport</c>).
    /// </summary>
    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints, string pattern = "/interactions") =>
        endpoints.MapPost(pattern, (HttpContext context) => context.RequestServices.GetRequiredService<HttpInteractionProcessor>().ProcessAsync(context));
}
