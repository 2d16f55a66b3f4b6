namespace BriefingBot.Core.Retrieval.Query;

/// <summary>What kind of answer a question asks for, read from its question word. Steers ranking towards sentences that can hold it.</summary>
public enum QuestionType
{
    Other,
    Who,
    When,
    Where,
    Why,
    How,
    HowMany,
    What,

    /// <summary>"What is a glacier cave?": asks what something is, which a defining sentence ("X is a …") answers.</summary>
    Definition,
}
