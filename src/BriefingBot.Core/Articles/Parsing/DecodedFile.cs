namespace BriefingBot.Core.Articles.Parsing;

/// <summary>One decoded file handed to a parser.</summary>
/// <param name="RelativePath">Path relative to the content folder with '/' separators; used in problems and source paths.</param>
/// <param name="Stem">File name without extension; the base of every id the file produces.</param>
/// <param name="Text">The decoded text (no BOM).</param>
internal sealed record DecodedFile(string RelativePath, string Stem, string Text);
