namespace BriefingBot.Core.Retrieval;

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
}
