using BriefingBot.Core.Articles.Cleaning;

namespace BriefingBot.Core.Tests.Articles.Cleaning;

public sealed class BoilerplateCleanerTests
{
    [Theory]
    [InlineData("Leave a Reply")]
    [InlineData("  leave a reply  ")]
    [InlineData("This site uses Akismet to reduce spam. Learn how your comment data is processed.")]
    [InlineData("Your email address will not be published. Required fields are marked *")]
    [InlineData("Posted on by")]
    [InlineData("Share this:")]
    [InlineData("Like this:")]
    [InlineData("Click to share on Twitter (Opens in new window)")]
    [InlineData("You must be logged in to post a comment.")]
    [InlineData("Save my name, email, and website in this browser for the next time I comment.")]
    public void Clean_BoilerplateLineBetweenParagraphs_RemovesOnlyThatLine(string boilerplate)
    {
        var cleaned = BoilerplateCleaner.Clean($"First paragraph.\n\n{boilerplate}\n\nSecond paragraph.");

        Assert.Equal("First paragraph.\n\n\n\nSecond paragraph.", cleaned.Text);
    }

    [Theory]
    [InlineData("Readers can leave a reply below if they want to.")]
    [InlineData("He said: “Share this: it matters.”")]
    [InlineData("The Related Press agency confirmed it.")]
    [InlineData("This site uses Akismet to reduce spam, the blog's owner explained in a post.")]
    [InlineData("Posted by a friend on Facebook, the video spread quickly.")]
    public void Clean_PhraseInsideASentence_KeepsTheSentence(string sentence)
    {
        var text = $"{sentence}\n\nLast paragraph.";

        Assert.Equal(text, BoilerplateCleaner.Clean(text).Text);
    }

    [Fact]
    public void Clean_TailOnlyWordsAtTheEnd_RemovesTheTail()
    {
        var cleaned = BoilerplateCleaner.Clean("Article text.\n\nShare this:\nTwitter\nFacebook\n\nLike this:\nLike Loading...\n\nRelated\n\n3 Comments");

        Assert.Equal("Article text.", cleaned.Text);
    }

    [Fact]
    public void Clean_TailOnlyWordInTheMiddle_KeepsIt()
    {
        const string text = "Intro.\n\nRelated\n\nThe story continues here.";

        Assert.Equal(text, BoilerplateCleaner.Clean(text).Text);
    }

    [Theory]
    [InlineData("This entry was posted in , , by Grant Montgomery.", "Grant Montgomery", "")]
    [InlineData("This entry was posted in News, Asia and tagged Kim, Trump by Jane Doe. Bookmark the permalink.", "Jane Doe", "News|Asia|Kim|Trump")]
    [InlineData("This entry was posted in World.", null, "World")]
    [InlineData("Posted on March 3, 2019 by Jane Doe", "Jane Doe", "")]
    [InlineData("Posted by John Smith and Ann Lee", "John Smith and Ann Lee", "")]
    public void Clean_BylineLine_TakesAuthorAndTagsAndRemovesTheLine(string line, string? author, string tags)
    {
        var cleaned = BoilerplateCleaner.Clean($"Body text.\n\n{line}\n\nLeave a Reply");

        Assert.Equal("Body text.", cleaned.Text);
        Assert.Equal(author, cleaned.Author);
        Assert.Equal(tags.Split('|', StringSplitOptions.RemoveEmptyEntries), cleaned.Tags);
    }

    [Fact]
    public void Clean_PostedOnWithDate_TakesTheDate()
    {
        var cleaned = BoilerplateCleaner.Clean("Posted on May 1, 2019 by Jane Doe\n\nBody.");

        Assert.Equal(new DateTimeOffset(2019, 5, 1, 0, 0, 0, TimeSpan.Zero), cleaned.PublishedAt);
    }

    [Theory]
    [InlineData("“It could undermine him,” the official said. Leave a Reply", "“It could undermine him,” the official said.")]
    [InlineData("The end. This site uses Akismet to reduce spam. Learn how your comment data is processed.", "The end.")]
    [InlineData("Readers are invited to leave a reply", "Readers are invited to leave a reply")]
    public void Clean_PhraseGluedToTheEnd_RemovesItOnlyAfterAFinishedSentence(string text, string expected)
    {
        Assert.Equal(expected, BoilerplateCleaner.Clean(text).Text);
    }

    [Theory]
    [InlineData("It was a record. Scroll down for video Flying high: the kite took off.", "It was a record. Flying high: the kite took off.")]
    [InlineData("'We are ready.' Scroll down for video The memo said so.", "'We are ready.' The memo said so.")]
    [InlineData("First paragraph.\n\nScroll down for video\n\nSecond paragraph.", "First paragraph.\n\n\n\nSecond paragraph.")]
    [InlineData("Bobby Flay and his wife in 2010 Scroll down for video Done: the couple split.", "Bobby Flay and his wife in 2010 Done: the couple split.")]
    [InlineData("The police told people to scroll down for video evidence.", "The police told people to scroll down for video evidence.")]
    public void Clean_ScrollDownForVideo_RemovedOnlyAsPageFurniture(string text, string expected)
    {
        Assert.Equal(expected, BoilerplateCleaner.Clean(text).Text);
    }
}
