namespace BriefingBot.Testing.Quality;

/// <summary>Answer triggering at one confidence threshold.</summary>
public sealed record TriggerPoint(double Threshold, int Answered, int CorrectlyAnswered, double Precision, double Recall, double F1);
