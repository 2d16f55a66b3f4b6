namespace BriefingBot.Testing.Quality;

/// <summary>Scores any question-answering system on the news question set.</summary>
public static class NewsQaEvaluation
{
    public static NewsQaResult Score(IReadOnlyList<NewsQaQuestion> questions, Func<string, NewsQaOutcome> ask)
    {
        int answerable = 0, top1 = 0, top3 = 0, rankTop1 = 0, wronglyDeclined = 0, unanswerable = 0, declinedRight = 0;
        var missed = new List<string>();
        foreach (var question in questions)
        {
            var outcome = ask(question.Question);
            if (!question.Answerable)
            {
                unanswerable++;
                declinedRight += outcome.Answered ? 0 : 1;
                if (outcome.Answered)
                {
                    missed.Add(question.Id);
                }

                continue;
            }

            answerable++;
            var rank = -1;
            for (var i = 0; i < Math.Min(3, outcome.Sentences.Count); i++)
            {
                if (question.IsAnsweredBy(outcome.Sentences[i]))
                {
                    rank = i;
                    break;
                }
            }

            rankTop1 += rank == 0 ? 1 : 0;
            if (!outcome.Answered)
            {
                wronglyDeclined++;
                missed.Add(question.Id);
                continue;
            }

            top1 += rank == 0 ? 1 : 0;
            top3 += rank >= 0 ? 1 : 0;
            if (rank != 0)
            {
                missed.Add(question.Id);
            }
        }

        double Share(int n, int of) => of == 0 ? 0 : Math.Round((double)n / of, 4);
        return new NewsQaResult(
            answerable,
            Share(top1, answerable),
            Share(top3, answerable),
            Share(rankTop1, answerable),
            Share(wronglyDeclined, answerable),
            unanswerable,
            Share(declinedRight, unanswerable),
            missed);
    }
}
