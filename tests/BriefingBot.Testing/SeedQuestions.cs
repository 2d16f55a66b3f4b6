using Xunit;

namespace BriefingBot.Testing;

/// <summary>
/// Natural questions about the seed articles, asked the way members would, with what the top sentence must say. Each
/// expectation is a fact from the article, not an engine's output. Shared by the lexical and the meaning tests.
/// </summary>
public static class SeedQuestions
{
    public static TheoryData<string, string?, string[]> Answerable => new()
    {
        { "Who wrote the letter?", SeedCorpus.DefectorArticleId, ["defector"] },
        { "What did the defector ask Trump to do?", SeedCorpus.DefectorArticleId, ["coup", "sanctions", "psychological warfare", "strike"] },
        { "Who is the leader of North Korea?", null, ["Kim Jong-un", "Kim Jong Un"] },
        { "Which newspaper reported the letter?", SeedCorpus.DefectorArticleId, ["Times"] },
        { "When did the Washington Times report the letter?", SeedCorpus.DefectorArticleId, ["Thursday"] },
        { "What does the defector say about denuclearization while Kim remains in power?", SeedCorpus.DefectorArticleId, ["permanently impossible"] },
        { "When did the defector leave North Korea?", SeedCorpus.DefectorArticleId, ["a year ago"] },
        { "What power can psychological warfare have?", SeedCorpus.DefectorArticleId, ["nuclear bomb"] },
        { "Did the White House respond to requests for comment?", SeedCorpus.DefectorArticleId, ["did not respond"] },
        { "What has Trump said about the letters he received from Kim?", SeedCorpus.DefectorArticleId, ["beautiful letters"] },
        { "Why should the defector's warnings be heeded?", SeedCorpus.DefectorArticleId, ["top players"] },
        { "Why wouldn't the White House acknowledge the letter?", SeedCorpus.DefectorArticleId, ["fingerprints", "made sense", "undermine"] },
        { "What did Kim order his generals before the summit?", SeedCorpus.GeneralsArticleId, ["specific orders"] },
        { "Where was the failed summit with Trump?", SeedCorpus.GeneralsArticleId, ["Hanoi"] },
        { "When was the Hanoi summit?", SeedCorpus.GeneralsArticleId, ["February"] },
        { "Why was Kim worried about his military units moving?", SeedCorpus.GeneralsArticleId, ["raise tensions", "sudden mistake", "worried"] },
        { "Who did Kim underestimate?", SeedCorpus.GeneralsArticleId, ["underestimated the President"] },
        { "Which sites are always under Kim's strict control?", SeedCorpus.GeneralsArticleId, ["missile and nuclear sites"] },
        { "Did the US see evidence of a provocation by North Korea?", SeedCorpus.GeneralsArticleId, ["no evidence"] },
        { "What status were the forces ordered to stay in?", SeedCorpus.GeneralsArticleId, ["passive status"] },
        { "What happened to North Korean forces after the summit?", SeedCorpus.GeneralsArticleId, ["regular deployment status"] },
        { "What was Kim's goal with the orders?", SeedCorpus.GeneralsArticleId, ["His goal was"] },
    };

    public static TheoryData<string, string[]> WithTypos => new()
    {
        { "psycological warfare campain", ["psychological warfare"] },
        { "what did the defecter warn trump about", ["defector"] },
        { "Hanio sumit", ["Hanoi"] },
        { "denuclearisation impossable", ["denuclearization"] },
        { "who did kim undrestimate", ["underestimated"] },
    };

    public static TheoryData<string> Unanswerable => new()
    {
        "What is the capital of France?",
        "Who won the 2018 World Cup?",
        "How do I bake sourdough bread?",
        "What is the price of bitcoin today?",
        "What did the defector say about China's economy?",
        "Which football team won the league?",
        "What is the weather forecast for London?",
        "What is Kim's favourite food?",
        "How many nuclear warheads does North Korea have?",
    };
}
